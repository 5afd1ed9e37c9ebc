using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Sessions;

/// <summary>
/// <c>X-Mock-Session</c> over HTTP: each session sees its own copy of the data, started from the seed, and its
/// resets and provider states touch only that copy.
/// </summary>
[Hosts(MockHosts.All)]
public sealed class SessionHttpTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";

    [Fact]
    public async Task AnUpdateInASession_IsInvisibleToOtherSessionsAndToTheDefaultWorld_AndTheirsToIt()
    {
        var (a, b) = (Name(), Name());
        var seeded = await NameOfAsync(null);

        await RenameAsync(a, "Only in A");
        await RenameAsync(null, "Only in the default world");

        (await NameOfAsync(a)).Should().Be("Only in A");
        (await NameOfAsync(b)).Should().Be(seeded);
        (await NameOfAsync(null)).Should().Be("Only in the default world");
    }

    [Fact]
    public async Task ASession_StartsFromTheSeed_NotFromTheDefaultWorldsChanges()
    {
        var seeded = await NameOfAsync(null);
        await RenameAsync(null, "Changed before the session started");
        (await ProviderStateAsync(null, "Contact 5 does not exist")).StatusCode.Should().Be(HttpStatusCode.OK);

        var session = Name();

        (await NameOfAsync(session)).Should().Be(seeded);
        (await SendAsync(HttpMethod.Get, "/api/v1/Contact/5", null, null, (SessionHeader, session))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResetWithASession_ResetsThatSessionOnly()
    {
        var (a, b) = (Name(), Name());
        var seeded = await NameOfAsync(null);
        await RenameAsync(a, "A");
        await RenameAsync(b, "B");
        await RenameAsync(null, "default");

        using var reset = await AdminAsync(HttpMethod.Post, "/__admin/reset", a);

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ObjectAsync(reset))["session"]!.GetValue<string>().Should().Be(a);
        (await NameOfAsync(a)).Should().Be(seeded);
        (await NameOfAsync(b)).Should().Be("B");
        (await NameOfAsync(null)).Should().Be("default");
    }

    [Fact]
    public async Task ResetWithoutASession_LeavesTheSessionsAsTheyWere()
    {
        var session = Name();
        await RenameAsync(session, "kept");

        using var reset = await AdminAsync(HttpMethod.Post, "/__admin/reset", null);

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ObjectAsync(reset))["session"].Should().BeNull();
        (await NameOfAsync(session)).Should().Be("kept");
    }

    [Fact]
    public async Task AProviderStateWithASession_IsArrangedInThatSessionOnly()
    {
        var session = Name();

        using var state = await ProviderStateAsync(session, "Contact 66 does not exist");

        state.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Get, Contact, null, null, (SessionHeader, session))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Get, Contact, null, null, (SessionHeader, Name()))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheCookie_NamesTheSessionForBrowsers_AndTheHeaderWinsOverIt()
    {
        var (byCookie, byHeader) = (Name(), Name());
        await RenameAsync(byCookie, "cookie's");
        await RenameAsync(byHeader, "header's");

        using var cookie = await SendAsync(HttpMethod.Get, Contact, null, null, ("Cookie", $"theme=dark; mock-session={byCookie}; other=1"));
        using var both = await SendAsync(HttpMethod.Get, Contact, null, null, ("Cookie", $"mock-session={byCookie}"), (SessionHeader, byHeader));

        (await Json.ObjectAsync(cookie))["Name"]!.GetValue<string>().Should().Be("cookie's");
        (await Json.ObjectAsync(both))["Name"]!.GetValue<string>().Should().Be("header's");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("has space", "has a space at position 4")]
    [InlineData("a\tb", "has U+0009 at position 2")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "is 65 characters long, more than 64")]
    public async Task ABadSessionName_Is400NamingTheRule_AndChangesNothing(string name, string problem)
    {
        var before = await GetTextAsync(Contact);
        using var request = new HttpRequestMessage(HttpMethod.Patch, Contact)
        {
            Content = new StringContent("""[{"op":"replace","path":"/Name","value":"x"}]""", System.Text.Encoding.UTF8, "application/json-patch+json"),
        };
        request.Headers.TryAddWithoutValidation(SessionHeader, name).Should().BeTrue();

        using var response = await Client.SendAsync(request);

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        message.Should().Contain("X-Mock-Session").And.Contain(problem).And.Contain("1 to 64 characters of visible ASCII");
        response.ReasonPhrase.Should().Be("Invalid Session");
        (await GetTextAsync(Contact)).Should().Be(before);
        (await SessionsAsync()).Should().NotContain(s => s!["name"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task ABadSessionName_OnReset_Is400AndResetsNothing()
    {
        await RenameAsync(null, "kept");

        using var reset = await AdminAsync(HttpMethod.Post, "/__admin/reset", "bad name");

        (await reset.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("has a space");
        (await NameOfAsync(null)).Should().Be("kept");
    }

    [Fact]
    [Trait("Clock", "Manual")] // expects the fixture's manual clock: in-process only
    public async Task TheList_NamesEachSessionWithItsChangedEntitiesLastUseAndRequestsInFlight()
    {
        var session = Name();
        await RenameAsync(session, "one");
        await SendAsync(HttpMethod.Patch, "/api/v1/Ticket/900", """{"Title":"two"}""", "application/merge-patch+json", (SessionHeader, session));
        await SendAsync(HttpMethod.Get, "/api/v1/Project/1", null, null, (SessionHeader, session));

        using var response = await GetAsync("/__admin/sessions");

        var list = await Json.ObjectAsync(response);
        list["max"]!.GetValue<int>().Should().Be(1000);
        list["idleMinutes"]!.GetValue<int>().Should().Be(30);
        list["persisted"]!.GetValue<bool>().Should().BeFalse();
        var entry = list["sessions"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == session)!;
        entry["changedEntities"]!.GetValue<int>().Should().Be(2, "a read copies nothing");
        entry["inFlight"]!.GetValue<int>().Should().Be(0);
        entry["lastUsed"]!.GetValue<DateTimeOffset>().Should().Be(Clock.GetUtcNow());
    }

    [Fact]
    public async Task DeletingASession_DropsIt_ItsNameStartsFromTheSeed_AndAnUnknownOneIs404()
    {
        var session = Name();
        var seeded = await NameOfAsync(null);
        await RenameAsync(session, "dropped");

        using var delete = await SendAsync(HttpMethod.Delete, $"/__admin/sessions/{session}", null, null);
        using var again = await SendAsync(HttpMethod.Delete, $"/__admin/sessions/{session}", null, null);

        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await again.ShouldBeErrorAsync(HttpStatusCode.NotFound)).Should().Contain($"no session '{session}'");
        (await SessionsAsync()).Should().NotContain(s => s!["name"]!.GetValue<string>() == session);
        (await NameOfAsync(session)).Should().Be(seeded);
    }

    [Theory]
    [InlineData("a%20b", "has a space at position 2")]
    [InlineData("%C3%A9", "has U+00E9 at position 1")]
    public async Task DeletingASessionByABadName_Is400NamingTheRule(string segment, string problem)
    {
        using var delete = await SendAsync(HttpMethod.Delete, "/__admin/sessions/" + segment, null, null);

        (await delete.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(problem);
    }

    [Fact]
    public async Task DeletingAllSessions_DropsEveryOne()
    {
        var (a, b) = (Name(), Name());
        await RenameAsync(a, "a");
        await RenameAsync(b, "b");

        using var delete = await SendAsync(HttpMethod.Delete, "/__admin/sessions", null, null);

        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SessionsAsync()).Should().BeEmpty();
        (await NameOfAsync(a)).Should().NotBe("a");
    }

    [Fact]
    public async Task TheJournal_RecordsEachEntrysSession_AndFiltersByIt()
    {
        var session = Name();
        (await SendAsync(HttpMethod.Delete, "/__admin/requests", null, null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await GetAsync(Contact);
        await SendAsync(HttpMethod.Get, Contact, null, null, (SessionHeader, session));
        await SendAsync(HttpMethod.Get, "/api/v1/Contact/1", null, null, (SessionHeader, Name()));

        var all = await RequestsAsync("");
        var mine = await RequestsAsync($"?session={session}");
        var defaultWorld = await RequestsAsync("?session=");

        all.Should().HaveCount(3);
        all.Select(e => e!["session"]?.GetValue<string>()).Last().Should().BeNull();
        mine.Should().ContainSingle().Which!["session"]!.GetValue<string>().Should().Be(session);
        defaultWorld.Should().ContainSingle().Which!["session"].Should().BeNull();
        using var count = await GetAsync("/__admin/requests/count?session=" + session);
        (await Json.ObjectAsync(count))["count"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task TheJournalFilter_RefusesABadSessionName()
    {
        using var response = await GetAsync("/__admin/requests?session=a%09b");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("Filter 'session'").And.Contain("U+0009");
    }

    [Fact]
    public async Task ThirtyTwoClientsInThirtyTwoSessions_LoseNothingAndLeakNothing()
    {
        var sessions = Enumerable.Range(0, 32).Select(i => $"{Name()}-{i}").ToArray();
        var seeded = await NameOfAsync(null);

        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (session, _) =>
        {
            for (var round = 0; round < 10; round++)
            {
                var value = $"{session} round {round}";
                await RenameAsync(session, value);
                (await NameOfAsync(session)).Should().Be(value, "a session sees its own last update, never another's");
            }
        });

        foreach (var session in sessions)
        {
            (await NameOfAsync(session)).Should().Be($"{session} round 9", "no accepted update is lost");
        }

        (await NameOfAsync(null)).Should().Be(seeded, "nothing leaks into the default world");
        var listed = (await SessionsAsync()).Where(s => sessions.Contains(s!["name"]!.GetValue<string>())).ToList();
        listed.Should().HaveCount(32).And.OnlyContain(s => s!["changedEntities"]!.GetValue<int>() == 1);
    }

    private const string SessionHeader = "X-Mock-Session";

    private static string Name() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private async Task RenameAsync(string? session, string name)
    {
        (string, string)[] headers = session is null ? [] : [(SessionHeader, session)];
        using var response = await PatchAsync(Contact, $$"""[{"op":"replace","path":"/Name","value":"{{name}}"}]""", headers: headers);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> NameOfAsync(string? session)
    {
        (string, string)[] headers = session is null ? [] : [(SessionHeader, session)];
        using var response = await SendAsync(HttpMethod.Get, Contact, null, null, headers);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await Json.ObjectAsync(response))["Name"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, string? session, string body = "")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (session is not null)
        {
            request.Headers.TryAddWithoutValidation(SessionHeader, session);
        }

        return Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> ProviderStateAsync(string? session, string state) =>
        AdminAsync(HttpMethod.Post, "/__admin/provider-states", session, $$"""{"action":"setup","state":"{{state}}"}""");

    private async Task<JsonArray> SessionsAsync()
    {
        using var response = await GetAsync("/__admin/sessions");
        return (await Json.ObjectAsync(response))["sessions"]!.AsArray();
    }

    private async Task<JsonArray> RequestsAsync(string query)
    {
        using var response = await GetAsync("/__admin/requests" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await Json.ObjectAsync(response))["requests"]!.AsArray();
    }
}
