using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary>A mock whose journal may hold only a little of the bodies.</summary>
public sealed class SmallBodyBudgetFixture : MockServerFixture
{
    /// <summary>About two of Contact's answers (each some 8 KB).</summary>
    public const long Budget = 20_000;

    protected override void Configure(SuperOfficeMockServerOptions options) => options.JournalBodyBytes = Budget;
}

/// <summary>The journal's byte budget over HTTP: the oldest bodies go first, their entries stay.</summary>
[Hosts(MockHosts.All)]
public sealed class BodyBudgetTests(SmallBodyBudgetFixture fixture) : MockServerTestBase<SmallBodyBudgetFixture>(fixture)
{
    [Fact]
    public async Task OverTheBudget_TheOldestEntriesLoseTheirBodies_AndStay()
    {
        using (await Client.DeleteAsync("/__admin/requests"))
        {
        }

        for (var id = 1; id <= 6; id++)
        {
            await GetAsync($"/api/v1/Contact/{id}");
        }

        var requests = (await GetEntityAsync("/__admin/requests"))["requests"]!.AsArray();

        requests.Should().HaveCount(6);
        var dropped = requests.Select(r => r!["bodiesDropped"]!.GetValue<bool>()).ToList();
        dropped.Should().StartWith([false, false]).And.EndWith([true, true]);
        dropped.Should().BeInAscendingOrder("the newest keep their bodies, the oldest lose them first");
        requests.Where(r => r!["bodiesDropped"]!.GetValue<bool>()).Should().OnlyContain(r => r!["responseBody"] == null && r["status"]!.GetValue<int>() == 200);
        requests.Where(r => !r!["bodiesDropped"]!.GetValue<bool>()).Sum(r => r!["responseBody"]!.GetValue<string>().Length)
            .Should().BeLessThanOrEqualTo((int)SmallBodyBudgetFixture.Budget);
    }
}

/// <summary>A mock whose journal keeps no bodies.</summary>
public sealed class NoBodiesFixture : MockServerFixture
{
    protected override void Configure(SuperOfficeMockServerOptions options) => options.JournalBodyBytes = 0;
}

/// <summary>A budget of 0 switches the bodies off; the rest of each entry stays.</summary>
[Hosts(MockHosts.All)]
public sealed class NoBodiesTests(NoBodiesFixture fixture) : MockServerTestBase<NoBodiesFixture>(fixture)
{
    [Fact]
    public async Task ZeroBudget_KeepsNoBodies_ButTheEntries()
    {
        using (await Client.DeleteAsync("/__admin/requests"))
        {
        }

        await PatchAsync("/api/v1/Contact/1", """[{"op":"replace","path":"/Department","value":"d"}]""");
        await SendAsync(HttpMethod.Head, "/api/v1/Contact/1", null, null);

        var requests = (await GetEntityAsync("/__admin/requests"))["requests"]!.AsArray();

        requests.Select(r => r!["bodiesDropped"]!.GetValue<bool>()).Should().Equal(false, true); // the HEAD had none to drop
        requests.Should().OnlyContain(r => r!["requestBody"] == null && r["responseBody"] == null);
        requests[1]!["operation"]!.GetValue<string>().Should().Be("PATCH Contact/{id}");
    }
}
