using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Coverage;

/// <summary>
/// <c>/__admin/coverage</c>: every catalog operation with the answers of each status it documents, the pairs never
/// answered, the answers the catalog does not document; per session with <c>X-Mock-Session</c>, all traffic without.
/// </summary>
[Hosts(MockHosts.All)]
public sealed class CoverageTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string SessionHeader = "X-Mock-Session";

    [Fact]
    public async Task EachAnswer_CountsUnderItsOperationAndStatus_AndThePairsNeverAnsweredAreUncovered()
    {
        await ClearAsync();
        await GetAsync("/api/v1/Contact/66");
        await SendAsync(HttpMethod.Head, "/api/v1/Contact/66", null, null);
        await GetAsync("/api/v1/Contact/2000000000");
        await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""");
        await PatchAsync("/api/v1/Contact/66", """[{"op":"test","path":"/Name","value":"not x"}]""");
        await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"y"}]""", headers: ("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"));

        var coverage = await CoverageAsync();

        Statuses(coverage, "GET Contact/{id}").Should().Contain(new Dictionary<string, long> { ["200"] = 2, ["304"] = 0, ["404"] = 1 }, "a HEAD is its GET without the body");
        Statuses(coverage, "PATCH Contact/{id}").Should().Contain(new Dictionary<string, long> { ["200"] = 1, ["409"] = 1, ["412"] = 1, ["400"] = 0 });
        var uncovered = coverage["uncovered"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        uncovered.Should().Contain(["GET Contact/{id} 304", "PATCH Contact/{id} 400", "PUT Relation/{id} 200", "GET Ticket/{id} 200"])
            .And.NotContain(["GET Contact/{id} 200", "GET Contact/{id} 404", "PATCH Contact/{id} 409"]);
        coverage["covered"]!.GetValue<int>().Should().Be(5);
        uncovered.Should().HaveCount(coverage["documented"]!.GetValue<int>() - 5);
        coverage["session"].Should().BeNull();
        coverage["undocumented"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task TheOperationsAndStatuses_AreTheOpenApiDocuments()
    {
        var openApi = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Contracts, "openapi.json")))!["paths"]!.AsObject();
        var documented = new Dictionary<string, string[]>();
        foreach (var (path, item) in openApi)
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Value?["responses"] is not null))
            {
                var resource = path.Split('/')[^2];
                documented[$"{method.ToUpperInvariant()} {resource}/{{id}}"] = [.. operation!["responses"]!.AsObject().Select(r => r.Key)];
            }
        }

        var operations = (await CoverageAsync())["operations"]!.AsArray();

        operations.Should().HaveCount(documented.Count);
        foreach (var operation in operations)
        {
            var name = operation!["operation"]!.GetValue<string>();
            operation["statuses"]!.AsObject().Select(s => s.Key).Should().Equal(documented[name], name);
        }

        (await CoverageAsync())["documented"]!.GetValue<int>().Should().Be(documented.Values.Sum(s => s.Length));
    }

    [Fact]
    public async Task StatusesTheCatalogDoesNotDocument_AreListedApart_AndAdminAndUnknownRoutesAreNotCounted()
    {
        await ClearAsync();
        using (var rule = await Client.PostAsync("/__admin/faults", new StringContent("""{"method":"GET","entity":"Contact","status":418,"times":1}""", System.Text.Encoding.UTF8, "application/json")))
        {
            rule.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await GetAsync("/api/v1/Contact/1");
        await PatchAsync("/api/v1/Relation/819", """{"Comment":"served, not in the catalog"}""", "application/merge-patch+json");
        await GetAsync("/api/v1/Nothing/1");
        await GetAsync("/__admin/health");
        await SendAsync(HttpMethod.Delete, "/api/v1/Contact/1", null, null);

        var coverage = await CoverageAsync();

        coverage["undocumented"]!.AsArray().Select(u => (u!["operation"]!.GetValue<string>(), u["status"]!.GetValue<int>(), u["count"]!.GetValue<long>()))
            .Should().Equal(("GET Contact/{id}", 418, 1L), ("PATCH Relation/{id}", 200, 1L));
        coverage["covered"]!.GetValue<int>().Should().Be(0, "the admin API, unknown routes and methods no route serves are no operation");
    }

    [Fact]
    public async Task WithASession_TheCoverageIsThatSessionsOnly_AndWithoutItAllTraffic()
    {
        await ClearAsync();
        var (a, b) = (Name(), Name());
        await SendAsync(HttpMethod.Get, "/api/v1/Contact/66", null, null, (SessionHeader, a));
        await SendAsync(HttpMethod.Get, "/api/v1/Contact/2000000000", null, null, (SessionHeader, b));
        await GetAsync("/api/v1/Project/1");

        var ofA = await CoverageAsync(a);
        var all = await CoverageAsync();
        var never = await CoverageAsync(Name());

        ofA["session"]!.GetValue<string>().Should().Be(a);
        Statuses(ofA, "GET Contact/{id}")["200"].Should().Be(1);
        Statuses(ofA, "GET Contact/{id}")["404"].Should().Be(0, "b's answer is b's");
        Statuses(ofA, "GET Project/{id}")["200"].Should().Be(0, "the default world's answer is not a's");
        ofA["covered"]!.GetValue<int>().Should().Be(1);
        all["covered"]!.GetValue<int>().Should().Be(3);
        never["covered"]!.GetValue<int>().Should().Be(0);
        never["uncovered"]!.AsArray().Should().HaveCount(never["documented"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_ForgetsTheCounts_WithASessionOnlyItsOwn_AndAResetLeavesThemAlone()
    {
        await ClearAsync();
        var session = Name();
        await SendAsync(HttpMethod.Get, "/api/v1/Contact/66", null, null, (SessionHeader, session));
        await GetAsync("/api/v1/Contact/1");
        (await Client.PostAsync("/__admin/reset", AdminRequests.JsonBody)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await CoverageAsync())["covered"]!.GetValue<int>().Should().Be(1, "a reset keeps the counts");
        Statuses(await CoverageAsync(), "GET Contact/{id}")["200"].Should().Be(2);

        using var deleteSession = new HttpRequestMessage(HttpMethod.Delete, "/__admin/coverage");
        deleteSession.Headers.Add(SessionHeader, session);
        (await Client.SendAsync(deleteSession)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await CoverageAsync(session))["covered"]!.GetValue<int>().Should().Be(0);
        Statuses(await CoverageAsync(), "GET Contact/{id}")["200"].Should().Be(2, "all traffic's counts stay");

        await SendAsync(HttpMethod.Get, "/api/v1/Contact/66", null, null, (SessionHeader, session));
        await ClearAsync();

        (await CoverageAsync())["covered"]!.GetValue<int>().Should().Be(0);
        (await CoverageAsync(session))["covered"]!.GetValue<int>().Should().Be(0, "without a session every count goes, the sessions' too");
    }

    [Fact]
    public async Task ABadSessionName_Is400()
    {
        using var response = await SendAsync(HttpMethod.Get, "/__admin/coverage", null, null, (SessionHeader, "a b"));

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("has a space");
    }

    private static string Name() => "c-" + Guid.NewGuid().ToString("N")[..12];

    private static Dictionary<string, long> Statuses(JsonObject coverage, string operation) =>
        coverage["operations"]!.AsArray().Single(o => o!["operation"]!.GetValue<string>() == operation)!["statuses"]!.AsObject()
            .ToDictionary(s => s.Key, s => s.Value!.GetValue<long>());

    private async Task ClearAsync()
    {
        using var response = await SendAsync(HttpMethod.Delete, "/__admin/coverage", null, null);
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private async Task<JsonObject> CoverageAsync(string? session = null)
    {
        (string, string)[] headers = session is null ? [] : [(SessionHeader, session)];
        using var response = await SendAsync(HttpMethod.Get, "/__admin/coverage", null, null, headers);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json.ObjectAsync(response);
    }
}
