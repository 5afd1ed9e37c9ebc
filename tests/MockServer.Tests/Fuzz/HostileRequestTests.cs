using ContractHarness.TestSupport.Fuzz;
using ContractHarness.MockServer.Tests.Support;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Fuzz;

/// <summary>One in-process mock with the system clock, shared by the fuzz categories (each case checks its own entity).</summary>
public sealed class FuzzMockFixture : IAsyncLifetime
{
    internal FuzzRunner Runner { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    private SuperOfficeMockServer _server = null!;

    /// <summary>Back to the seed, so what one category stored (say, a deep value) cannot fail another; <c>make fuzz</c> keeps it.</summary>
    public async Task ResetAsync() => (await Client.PostAsync("/__admin/reset", AdminRequests.JsonBody)).EnsureSuccessStatusCode();

    public async Task InitializeAsync()
    {
        _server = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
        Client = new HttpClient { BaseAddress = _server.BaseAddress };
        Runner = new FuzzRunner(Client, FuzzTarget.Load(TestPaths.Catalog), FuzzSettings.Seed);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}

/// <summary>
/// The property "lose nothing, answer no 500" over every catalog operation: each category sends its share of
/// generated hostile requests (and valid updates) and fails with the seed, the counts and reproductions.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class HostileRequestTests(FuzzMockFixture fixture) : IClassFixture<FuzzMockFixture>
{
    public static TheoryData<string> Categories => [.. FuzzCategories.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task HostileRequests_NeverAnswer5xx_RefuseWithTheErrorBody_AndChangeNothing(string category)
    {
        await fixture.ResetAsync();
        var tally = await fixture.Runner.RunAsync(FuzzCategories.All.Single(c => c.Name == category), FuzzSettings.RequestsPerCategory);

        tally.Requests.Should().Be(FuzzSettings.RequestsPerCategory);
        tally.Failures.Should().Be(0, tally.Explain());
    }

    [Fact]
    public void Catalog_EveryOperationIsATarget_WithPropertiesOfItsSchema()
    {
        var targets = FuzzTarget.Load(TestPaths.Catalog);

        targets.Select(t => t.Endpoint.Id).Should().BeEquivalentTo(TestPaths.Catalog.Endpoints.Select(e => e.Id));
        targets.Should().OnlyContain(t => t.Writable(t.Strings).Any() && t.Integers.Contains(t.Endpoint.PrimaryKey));
    }
}
