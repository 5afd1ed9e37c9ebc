using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Seeding;

[Hosts(MockHosts.All)]
public sealed class SeedTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    public static TheoryData<string> Routes => [.. TestPaths.Catalog.Endpoints.Select(e => e.Route).Distinct()];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Seed_IdsOneToHundredAndTheSampleIdExist_OthersDoNot(string route)
    {
        var endpoint = TestPaths.Catalog.Endpoints.First(e => e.Route == route);
        foreach (var id in new[] { 1, 2, 50, 99, 100, endpoint.FixtureId })
        {
            (await GetAsync(route.Replace("{id}", id.ToString()))).StatusCode.Should().Be(HttpStatusCode.OK, $"id {id} is seeded");
        }

        foreach (var id in new[] { 0, 101, -1, 2000000000 })
        {
            if (id != endpoint.FixtureId)
            {
                (await GetAsync(route.Replace("{id}", id.ToString()))).StatusCode.Should().Be(HttpStatusCode.NotFound, $"id {id} is not seeded");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Seed_SampleEntity_IsExactlyAsInThePage(string route)
    {
        var endpoint = TestPaths.Catalog.Endpoints.First(e => e.Route == route);
        var fixtureJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Contracts, endpoint.Fixture)))!.AsObject();

        var served = await GetEntityAsync(route.Replace("{id}", endpoint.FixtureId.ToString()));

        // _Links is the server's own (absolute URLs of this mock); everything else is the page's sample.
        fixtureJson.Remove("_Links");
        served.Remove("_Links");
        JsonNode.DeepEquals(served, fixtureJson).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Seed_GeneratedEntity_HasItsIdAndRealisticNestedValues(string route)
    {
        var endpoint = TestPaths.Catalog.Endpoints.First(e => e.Route == route);

        var entity = await GetEntityAsync(route.Replace("{id}", "7"));

        entity[endpoint.PrimaryKey]!.GetValue<int>().Should().Be(7);
        entity[endpoint.LastUpdateField]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$");
        entity.Count(p => p.Value is JsonObject).Should().BeGreaterThan(0, "nested carriers are filled");
    }

    [Fact]
    public async Task Seed_NamesEmailsAndPhones_LookRealistic()
    {
        var contact = await GetEntityAsync("/api/v1/Contact/3");

        contact["Emails"]!.AsArray()[0]!["Value"]!.GetValue<string>().Should().Contain("@");
        contact["Phones"]!.AsArray()[0]!["Value"]!.GetValue<string>().Should().MatchRegex(@"^\+47[ \d]+$");
        contact["Urls"]!.AsArray()[0]!["Value"]!.GetValue<string>().Should().StartWith("http");
        var person = contact["Persons"]!.AsArray()[0]!;
        person["Email"]!.GetValue<string>().Should().Contain("@");
        person["Firstname"]!.GetValue<string>().Should().MatchRegex(@"^[A-Z][a-z'A-Z]+$");
    }

    [Fact]
    public async Task Seed_SameSeed_GivesTheSameBytes()
    {
        await using var other = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
        using var client = new HttpClient { BaseAddress = other.BaseAddress };

        foreach (var path in new[] { "/api/v1/Contact/1", "/api/v1/Ticket/42", "/api/v1/Relation/100" })
        {
            var mine = (await GetTextAsync(path)).Replace(Fixture.Url, string.Empty);
            var theirs = (await client.GetStringAsync(path)).Replace(other.Url, string.Empty);
            theirs.Should().Be(mine);
        }
    }

    [Fact]
    public async Task Seed_DifferentSeed_GivesDifferentData()
    {
        await using var other = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, Seed = 2 });
        using var client = new HttpClient { BaseAddress = other.BaseAddress };

        var mine = await GetEntityAsync("/api/v1/Contact/1");
        var theirs = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/1"))!;

        theirs["Name"]!.GetValue<string>().Should().NotBe(mine["Name"]!.GetValue<string>());
        theirs["ContactId"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Seed_EntityCountOption_SetsHowManyIdsExist()
    {
        await using var other = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, EntityCount = 5 });
        using var client = new HttpClient { BaseAddress = other.BaseAddress };

        (await client.GetAsync("/api/v1/Contact/5")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/Contact/6")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Seed_AMillionIds_StartAndAnswerTheLastOneAndNotTheNext()
    {
        await using var other = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, EntityCount = 1_000_000 });
        using var client = new HttpClient { BaseAddress = other.BaseAddress };

        var entity = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/999999"))!;
        entity["ContactId"]!.GetValue<int>().Should().Be(999_999);
        (await client.GetAsync("/api/v1/Contact/1000000")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/Contact/1000001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        other.EntityCounts["/api/v1/Contact/{id}"].Should().Be(1_000_000, "the sample's id 66 is one of them");
        var health = JsonNode.Parse(await client.GetStringAsync("/__admin/health"))!;
        health["entityCount"]!.GetValue<int>().Should().Be(1_000_000);
    }
}
