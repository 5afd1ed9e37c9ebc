using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Admin;

[Hosts(MockHosts.All)]
public sealed class AdminTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Fact]
    public async Task Health_ListsEveryCatalogRouteWithItsCount()
    {
        var health = await GetEntityAsync("/__admin/health");

        health["status"]!.GetValue<string>().Should().Be("Healthy");
        var endpoints = health["endpoints"]!.AsArray();
        endpoints.Select(e => e!["route"]!.GetValue<string>()).Should().BeEquivalentTo(TestPaths.Catalog.Endpoints.Select(e => e.Route).Distinct());
        endpoints.Single(e => e!["entity"]!.GetValue<string>() == "ContactEntity")!["count"]!.GetValue<int>().Should().Be(100);
        endpoints.Single(e => e!["entity"]!.GetValue<string>() == "TicketEntity")!["count"]!.GetValue<int>().Should().Be(101);
    }

    [Fact]
    public async Task Health_IsWhatTheAdminSerializerWrites_WithItsLength()
    {
        using var response = await GetAsync("/__admin/health");
        var served = await response.Content.ReadAsByteArrayAsync();
        var model = JsonSerializer.Deserialize(served, AdminJsonContext.Default.HealthModel)!;

        model.Seed.Should().Be(1);
        model.Endpoints.Should().HaveCount(TestPaths.Catalog.Endpoints.Select(e => e.Route).Distinct().Count());
        served.Should().Equal(JsonSerializer.SerializeToUtf8Bytes(model, AdminJsonContext.Default.HealthModel));
        response.Content.Headers.ContentLength.Should().Be(served.Length);
    }

    [Fact]
    public async Task Reset_RestoresTheSeedAfterUpdates()
    {
        var seeded = await GetTextAsync("/api/v1/Contact/66");
        (await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ProviderState("setup", "Contact 5 does not exist")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var reset = await Client.PostAsync("/__admin/reset", AdminRequests.JsonBody);

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetTextAsync("/api/v1/Contact/66")).Should().Be(seeded);
        (await GetAsync("/api/v1/Contact/5")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_WithGet_Returns405()
    {
        using var response = await GetAsync("/__admin/reset");

        await response.ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task UnknownAdminPath_Returns404WithErrorBody()
    {
        using var response = await GetAsync("/__admin/nothing");

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderState_DoesNotExist_MakesGetReturn404()
    {
        using var state = await ProviderState("setup", "Contact 2000000000 does not exist");
        state.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ProviderState("setup", "Contact 66 does not exist")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await GetAsync("/api/v1/Contact/2000000000")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderState_Exists_CreatesOrRestoresTheEntityAndAnswersInjectableValues()
    {
        (await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var state = await ProviderState("setup", "Contact 66 exists");
        using var created = await ProviderState("setup", "a Ticket 5000 exists");

        var values = await Json.ObjectAsync(state);
        values["id"]!.GetValue<int>().Should().Be(66);
        values["ContactId"]!.GetValue<int>().Should().Be(66);
        (await GetEntityAsync("/api/v1/Contact/66"))["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
        (await GetEntityAsync("/api/v1/Ticket/5000"))["TicketId"]!.GetValue<int>().Should().Be(5000);
    }

    [Fact]
    public async Task ProviderState_WasUpdatedAt_MakesAnOlderIfUnmodifiedSinceGive412()
    {
        using var state = await ProviderState("setup", "Contact 66 was updated at 2020-01-01T00:00:00");
        (await Json.ObjectAsync(state))["lastModified"]!.GetValue<string>().Should().Be("Wed, 01 Jan 2020 00:00:00 GMT");

        using var older = await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""",
            headers: ("If-Unmodified-Since", "Tue, 31 Dec 2019 23:59:59 GMT"));
        using var same = await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""",
            headers: ("If-Unmodified-Since", "Wed, 01 Jan 2020 00:00:00 GMT"));

        await older.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
        same.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProviderState_IdFromParams_IsUsed()
    {
        using var state = await ProviderState("setup", "Project does not exist", """{"id": 905}""");

        state.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/v1/Project/905")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderState_OlderVerifiersStatesList_ArrangesEachState()
    {
        using var response = await SendAsync(HttpMethod.Post, "/__admin/provider-states",
            """{"states":["Contact 66 does not exist","Ticket 900 does not exist"]}""", "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync("/api/v1/Ticket/900")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderState_Teardown_PutsTheEntityBack()
    {
        await ProviderState("setup", "Contact 66 does not exist");

        using var teardown = await ProviderState("teardown", "Contact 66 does not exist");

        teardown.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProviderState_Unknown_Returns400ListingTheKnownStates()
    {
        using var response = await ProviderState("setup", "Contact 66 is happy");

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        message.Should().Contain("<Resource> <id> exists").And.Contain("does not exist").And.Contain("was updated at").And.Contain("Contact");
    }

    [Theory]
    [InlineData("""{"action":"explode","state":"Contact 66 exists"}""")]
    [InlineData("""{"action":"setup","state":"Contact 66 was updated at soon"}""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task ProviderState_BadBody_Returns400(string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/__admin/provider-states", body, "application/json");

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ProviderStates_Get_ListsTheStatesAndResources()
    {
        var listed = await GetEntityAsync("/__admin/provider-states");

        listed["states"]!.AsArray().Should().HaveCount(4);
        listed["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(["Contact", "Relation"]);
    }

    private Task<HttpResponseMessage> ProviderState(string action, string state, string parameters = "{}") =>
        Client.PostAsync("/__admin/provider-states", new StringContent(
            $$"""{"action":"{{action}}","state":"{{state}}","params":{{parameters}}}""", Encoding.UTF8, "application/json"));
}

[Hosts(MockHosts.All)]
public sealed class JournalTests(SmallJournalFixture fixture) : MockServerTestBase<SmallJournalFixture>(fixture)
{
    [Fact]
    public async Task Journal_IsBoundedAndShowsMethodPathStatusAndMilliseconds()
    {
        using (await Client.DeleteAsync("/__admin/requests"))
        {
        }

        await GetAsync("/api/v1/Contact/1");
        await GetAsync("/api/v1/Contact/2");
        await GetAsync("/api/v1/Contact/99999");
        await PatchAsync("/api/v1/Contact/3", """[{"op":"test","path":"/ContactId","value":4}]""");

        var journal = await GetEntityAsync("/__admin/requests");

        journal["capacity"]!.GetValue<int>().Should().Be(3);
        journal["total"]!.GetValue<long>().Should().Be(4);
        var requests = journal["requests"]!.AsArray();
        requests.Should().HaveCount(3);
        requests[0]!["method"]!.GetValue<string>().Should().Be("PATCH");
        requests[0]!["path"]!.GetValue<string>().Should().Be("/api/v1/Contact/3");
        requests[0]!["status"]!.GetValue<int>().Should().Be(409);
        requests[0]!["milliseconds"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        requests[1]!["status"]!.GetValue<int>().Should().Be(404);
        requests.Select(r => r!["path"]!.GetValue<string>()).Should().NotContain("/api/v1/Contact/1");
    }
}
