using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>The fault rules of <c>/__admin/faults</c> over HTTP: adding, listing, removing, applying, expiring.</summary>
[Hosts(MockHosts.All)]
public sealed class FaultRuleTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";
    private const string Rename = """[{"op":"replace","path":"/Name","value":"Faulted"}]""";

    [Fact]
    public async Task Post_Answers201WithTheStoredRuleAndItsLocation()
    {
        using var response = await AddAsync("""{"method":"patch","entity":"Contact","id":"66","status":503,"times":2,"delayMs":{"min":10,"max":20}}""");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var rule = await Json.ObjectAsync(response);
        var id = rule["id"]!.GetValue<string>();
        id.Should().MatchRegex("^f[0-9]+$");
        response.Headers.Location!.OriginalString.Should().Be($"/__admin/faults/{id}");
        rule["method"]!.GetValue<string>().Should().Be("PATCH");
        rule["entity"]!.GetValue<string>().Should().Be("Contact");
        rule["entityId"]!.GetValue<int>().Should().Be(66);
        rule["status"]!.GetValue<int>().Should().Be(503);
        rule["delayMs"]!["min"]!.GetValue<int>().Should().Be(10);
        rule["delayMs"]!["max"]!.GetValue<int>().Should().Be(20);
        rule["abort"]!.GetValue<bool>().Should().BeFalse();
        rule["times"]!.GetValue<int>().Should().Be(2);
        rule["applied"]!.GetValue<long>().Should().Be(0);
        rule["remaining"]!.GetValue<long>().Should().Be(2);
        rule["probability"].Should().BeNull();
    }

    [Fact]
    public async Task StatusRule_AnswersTheFaultToMatchingRequestsOnly_AndChangesNothing()
    {
        var stored = await GetTextAsync(Contact);
        (await AddAsync("""{"method":"PATCH","entity":"contact","status":503}""")).StatusCode.Should().Be(HttpStatusCode.Created);

        using var faulted = await PatchAsync(Contact, Rename);
        using var otherEntity = await PatchAsync("/api/v1/Project/905", """[{"op":"replace","path":"/Name","value":"Kept"}]""");
        using var read = await GetAsync(Contact);

        (await faulted.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable)).Should().StartWith("Fault rule f");
        (await Json.ObjectAsync(faulted))["ErrorType"]!.GetValue<string>().Should().Be("Fault");
        otherEntity.StatusCode.Should().Be(HttpStatusCode.OK);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await read.Content.ReadAsStringAsync()).Should().Be(stored);
        (await ListAsync()).Single()!["applied"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Times_ExpiresTheRule_WhichThenLeavesTheList()
    {
        await AddAsync("""{"path":"/API/v1/contact/66","status":500,"times":2}""");

        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await ListAsync()).Single()!["remaining"]!.GetValue<long>().Should().Be(1);
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PathPatternAndId_Match()
    {
        await AddAsync("""{"pathPattern":"^/api/v1/(Project|Ticket)/","status":502}""");
        await AddAsync("""{"entity":"ContactEntity","id":5,"status":504}""");

        (await GetAsync("/api/v1/Project/905")).StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await GetAsync("/api/v1/Ticket/900")).StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await GetAsync("/api/v1/Contact/5")).StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await GetAsync("/api/v1/Contact/6")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_ListsTheRulesOldestFirst()
    {
        var first = (await Json.ObjectAsync(await AddAsync("""{"status":500,"entity":"Ticket"}""")))["id"]!.GetValue<string>();
        var second = (await Json.ObjectAsync(await AddAsync("""{"abort":true,"entity":"Project"}""")))["id"]!.GetValue<string>();

        (await ListAsync()).Select(r => r!["id"]!.GetValue<string>()).Should().Equal(first, second);
    }

    [Fact]
    public async Task DeleteById_RemovesThatRule_UnknownIs404()
    {
        var id = (await Json.ObjectAsync(await AddAsync("""{"status":500}""")))["id"]!.GetValue<string>();

        using var deleted = await Client.DeleteAsync($"/__admin/faults/{id}");
        using var again = await Client.DeleteAsync($"/__admin/faults/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await again.ShouldBeErrorAsync(HttpStatusCode.NotFound);
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteAll_AndReset_RemoveEveryRule()
    {
        await AddAsync("""{"status":500}""");
        (await Client.DeleteAsync("/__admin/faults")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ListAsync()).Should().BeEmpty();

        await AddAsync("""{"status":500}""");
        (await Client.PostAsync("/__admin/reset", AdminRequests.JsonBody)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ListAsync()).Should().BeEmpty();
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RuleWithoutMatchers_NeverAppliesToTheAdminApiOrUnknownRoutes()
    {
        await AddAsync("""{"status":503}""");

        (await GetAsync("/__admin/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/__admin/faults")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/v1/Nothing/1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Probability_FollowsTheSeededGenerator_FromAReset()
    {
        await AddAsync("""{"entity":"Contact","status":503,"probability":0.5}""");
        var seeded = new Random(1); // the fixture's seed; a reset starts the generator again
        var expected = Enumerable.Range(0, 20).Select(_ => seeded.NextDouble() < 0.5 ? 503 : 200).ToList();

        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await GetAsync(Contact);
            statuses.Add((int)response.StatusCode);
        }

        statuses.Should().Equal(expected);
        statuses.Should().Contain(503).And.Contain(200);
        (await ListAsync()).Single()!["applied"]!.GetValue<long>().Should().Be(expected.Count(s => s == 503));
    }

    [Theory]
    [InlineData("""{"status":503,"color":"red"}""", "color")]
    [InlineData("""{"status":"503"}""", "status")]
    [InlineData("""{"status":200}""", "status")]
    [InlineData("""{"status":600}""", "status")]
    [InlineData("""{"delayMs":-1}""", "delayMs")]
    [InlineData("""{"delayMs":{"min":500,"max":100}}""", "delayMs")]
    [InlineData("""{"delayMs":{"min":1}}""", "delayMs")]
    [InlineData("""{"delayMs":60001}""", "delayMs")]
    [InlineData("""{"status":503,"probability":0}""", "probability")]
    [InlineData("""{"status":503,"probability":1.5}""", "probability")]
    [InlineData("""{"status":503,"pathPattern":"(unclosed"}""", "pathPattern")]
    [InlineData("""{"status":503,"entity":"Invoice"}""", "entity")]
    [InlineData("""{"status":503,"id":"abc"}""", "id")]
    [InlineData("""{"status":503,"times":0}""", "times")]
    [InlineData("""{"abort":"yes"}""", "abort")]
    [InlineData("""{"entity":"Contact"}""", "effect")]
    [InlineData("""{"abort":false}""", "effect")]
    [InlineData("""[]""", "object")]
    [InlineData("""{"status":""", "fault rule")]
    public async Task InvalidRule_Is400NamingTheField_AndAddsNothing(string body, string named)
    {
        using var response = await AddAsync(body);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(named);
        (await ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Faults_RefuseOtherMethods()
    {
        using var response = await SendAsync(HttpMethod.Put, "/__admin/faults", "{}", "application/json");

        await response.ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    private async Task<HttpResponseMessage> AddAsync(string json) =>
        await Client.PostAsync("/__admin/faults", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<JsonArray> ListAsync() => (await GetEntityAsync("/__admin/faults"))["faults"]!.AsArray();
}
