using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary>The filters of <c>GET /__admin/requests</c> and <c>/__admin/requests/count</c>, and their 400s.</summary>
[Hosts(MockHosts.All)]
public sealed class JournalFilterTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Theory]
    [InlineData("?method=patch", new[] { "PATCH /api/v1/Contact/3", "PATCH /api/v1/Contact/2" })]
    [InlineData("?path=/API/v1/contact/2", new[] { "PATCH /api/v1/Contact/2", "GET /api/v1/Contact/2?$select=Name" })]
    [InlineData("?pathPattern=^/api/v1/Contact/[23]$&method=GET", new[] { "GET /api/v1/Contact/2?$select=Name" })]
    [InlineData("?status=409", new[] { "PATCH /api/v1/Contact/3" })]
    [InlineData("?status=4xx", new[] { "PATCH /api/v1/Contact/3", "GET /api/v1/Contact/999999" })]
    [InlineData("?status=2XX&limit=2", new[] { "PATCH /api/v1/Contact/2", "GET /api/v1/Contact/2?$select=Name" })]
    [InlineData("?status=500", new string[0])]
    public async Task Filters_SelectTheMatchingRequests_NewestFirst_AndCountAgrees(string query, string[] expected)
    {
        await RecordSomeRequestsAsync();

        var requests = (await GetEntityAsync("/__admin/requests" + query))["requests"]!.AsArray();
        var count = await GetEntityAsync("/__admin/requests/count" + query.Replace("&limit=2", string.Empty, StringComparison.Ordinal));

        requests.Select(r => $"{r!["method"]} {r["path"]}").Should().Equal(expected);
        if (!query.Contains("limit", StringComparison.Ordinal))
        {
            count["count"]!.GetValue<int>().Should().Be(expected.Length);
        }
    }

    [Fact]
    public async Task SinceAndUntil_BoundTheTimes_Inclusively()
    {
        await RecordSomeRequestsAsync();
        var all = (await GetEntityAsync("/__admin/requests"))["requests"]!.AsArray();
        var newest = all[0]!["time"]!.GetValue<DateTimeOffset>();
        var oldest = all[^1]!["time"]!.GetValue<DateTimeOffset>();

        var since = await CountAsync($"?since={Uri.EscapeDataString(oldest.ToString("O"))}");
        var until = await CountAsync($"?until={Uri.EscapeDataString(newest.ToString("O"))}");
        var later = await CountAsync($"?since={Uri.EscapeDataString(newest.AddSeconds(1).ToString("O"))}");
        var before = await CountAsync($"?until={oldest.AddSeconds(-1).UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z");

        (since, until, later, before).Should().Be((all.Count, all.Count, 0, 0));
    }

    [Fact]
    [Trait("Clock", "Manual")] // moves the fixture's manual clock: in-process only
    public async Task SinceAndUntil_AcceptAnOffset_EvenUnencoded()
    {
        await Client.DeleteAsync("/__admin/requests");
        await GetAsync("/api/v1/Contact/1"); // at 10:00:00Z
        Clock.Advance(TimeSpan.FromMinutes(10));
        await GetAsync("/api/v1/Contact/2"); // at 10:10:00Z

        (await CountAsync("?since=2026-11-22T11:05:00+01:00")).Should().Be(1, "11:05+01:00 is 10:05Z; a '+' that arrives as a space is read as '+'");
        (await CountAsync("?until=2026-11-22T10:05:00Z")).Should().Be(1);
        (await CountAsync("?since=2026-11-22T10:00:00Z&until=2026-11-22T10:10:00Z")).Should().Be(2);
    }

    [Theory]
    [InlineData("?status=abc", "status")]
    [InlineData("?status=600", "status")]
    [InlineData("?status=6xx", "status")]
    [InlineData("?method=PA TCH", "method")]
    [InlineData("?path=api/v1/Contact/1", "path")]
    [InlineData("?pathPattern=(", "pathPattern")]
    [InlineData("?path=/a&pathPattern=a", "path")]
    [InlineData("?since=yesterday", "since")]
    [InlineData("?until=2026-13-01T00:00:00Z", "until")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?limit=many", "limit")]
    [InlineData("?stauts=409", "stauts")]
    [InlineData("?status=200&status=409", "status")]
    public async Task InvalidFilter_Is400NamingIt_OnTheListAndTheCount(string query, string name)
    {
        using var list = await GetAsync("/__admin/requests" + query);
        using var count = await GetAsync("/__admin/requests/count" + query);

        (await list.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain($"'{name}'");
        if (!query.StartsWith("?limit", StringComparison.Ordinal))
        {
            (await count.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain($"'{name}'");
        }
    }

    [Fact]
    public async Task Limit_OnTheCount_Is400()
    {
        using var count = await GetAsync("/__admin/requests/count?limit=1");

        (await count.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("'limit'");
    }

    [Fact]
    public async Task PathPattern_ThatBacktracksTooLong_Is400()
    {
        await Client.DeleteAsync("/__admin/requests");
        await GetAsync("/api/v1/Contact/" + new string('a', 40) + "!");

        using var response = await GetAsync("/__admin/requests?pathPattern=" + Uri.EscapeDataString("^/api/v1/Contact/(a+)+$"));

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("'pathPattern'").And.Contain("longer than");
    }

    [Fact]
    public async Task Count_IsAnObjectWithTheNumber()
    {
        await RecordSomeRequestsAsync();

        var count = await GetEntityAsync("/__admin/requests/count");

        count.Select(p => p.Key).Should().Equal("count");
        count["count"]!.GetValue<int>().Should().Be(5);
    }

    /// <summary>Five requests, oldest first: GET 200, GET 404, GET $select 200, PATCH 200, PATCH 409.</summary>
    private async Task RecordSomeRequestsAsync()
    {
        using (await Client.DeleteAsync("/__admin/requests"))
        {
        }

        await GetAsync("/api/v1/Contact/1");
        await GetAsync("/api/v1/Contact/999999");
        await GetAsync("/api/v1/Contact/2?$select=Name");
        await PatchAsync("/api/v1/Contact/2", """[{"op":"replace","path":"/Department","value":"d"}]""");
        await PatchAsync("/api/v1/Contact/3", """[{"op":"test","path":"/ContactId","value":4}]""");
    }

    private async Task<int> CountAsync(string query) => (await GetEntityAsync("/__admin/requests/count" + query))["count"]!.GetValue<int>();
}
