using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Faults;

namespace ContractHarness.MockServer.Tests.Sessions;

/// <summary>
/// Sessions of the in-memory engine (<see cref="SuperOfficeMockEngine.Session"/>) and of the in-process server
/// (<see cref="SuperOfficeMockServer.Session"/>), and the bounds: a session in use is never dropped, one past the
/// bound is refused with 429, an idle one expires.
/// </summary>
public sealed class SessionEngineTests : IDisposable
{
    private static readonly Uri Base = new("http://localhost:9091/");
    private const string Contact = "/api/v1/Contact/66";
    private readonly SignallingClock _clock = new();
    private SuperOfficeMockEngine _engine;

    public SessionEngineTests() => _engine = Start();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task ASession_SeesItsOwnCopy_ItsSetupAndResetTouchOnlyIt_AndItsJournalIsItsOwn()
    {
        var (a, b) = (_engine.Session("a"), _engine.Session("b"));
        var seeded = await NameAsync(_engine.HandleAsync);

        (await a.HandleAsync(Rename("in a"))).StatusCode.Should().Be(200);
        b.Setup("Contact 66 does not exist");

        (await NameAsync(a.HandleAsync)).Should().Be("in a");
        (await b.HandleAsync(new MockRequest("GET", Contact))).StatusCode.Should().Be(404);
        (await NameAsync(_engine.HandleAsync)).Should().Be(seeded);
        a.Journal.Should().HaveCount(2).And.OnlyContain(e => e.Session == "a");
        a.Reset();
        (await NameAsync(a.HandleAsync)).Should().Be(seeded);
        (await b.HandleAsync(new MockRequest("GET", Contact))).StatusCode.Should().Be(404, "b's state outlives a's reset");
    }

    [Fact]
    public async Task TheSessionView_SetsItsOwnHeader_OverOneTheRequestCarries()
    {
        var view = _engine.Session("view");
        await view.HandleAsync(Rename("view's"));

        var answer = await view.HandleAsync(new MockRequest("GET", Contact, new Dictionary<string, string> { ["x-mock-session"] = "other" }));

        Parse(answer)["Name"]!.GetValue<string>().Should().Be("view's");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("caf\u00e9", "has U+00E9 at position 4")]
    [InlineData("a b", "has a space at position 2")]
    public async Task ABadName_IsRefused_ByTheEngineAndOverTheWire(string name, string problem)
    {
        var engine = () => _engine.Session(name);
        engine.Should().Throw<ArgumentException>().WithMessage($"*{problem}*");

        var answer = await _engine.HandleAsync(new MockRequest("GET", Contact, new Dictionary<string, string> { ["X-Mock-Session"] = name }));

        answer.StatusCode.Should().Be(400);
        answer.ReasonPhrase.Should().Be("Invalid Session");
        var body = Parse(answer);
        body["Error"]!.GetValue<bool>().Should().BeTrue();
        body["ErrorMessage"]!.GetValue<string>().Should().Contain(problem).And.Contain("visible ASCII");
    }

    [Fact]
    public async Task ASessionWithARequestInFlight_IsNeverDropped_AndANewOnePastTheBoundIs429WithRetryAfter()
    {
        Restart(o => o.MaxSessions = 1);
        await _engine.HandleAsync(Json("POST", "/__admin/faults", """{"method":"PATCH","delayMs":1000}"""));
        var held = _engine.Session("held").HandleAsync(Rename("held's"));
        await _clock.NextTimerAsync(); // the PATCH is in its session, waiting

        var refused = await _engine.Session("newcomer").HandleAsync(new MockRequest("GET", Contact));

        refused.StatusCode.Should().Be(429);
        refused.ReasonPhrase.Should().Be("Too Many Sessions");
        refused.Headers["Retry-After"].Should().Be("1");
        Parse(refused)["ErrorMessage"]!.GetValue<string>().Should().Contain("all 1 sessions (--max-sessions) have a request in flight");
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await held).StatusCode.Should().Be(200, "the session in use kept its world to the end");
        (await NameAsync(_engine.Session("held").HandleAsync)).Should().Be("held's");

        var admitted = await _engine.Session("newcomer").HandleAsync(new MockRequest("GET", Contact));

        admitted.StatusCode.Should().Be(200, "once idle, the oldest session makes room");
        (await SessionsAsync()).Select(s => s!["name"]!.GetValue<string>()).Should().Equal("newcomer");
    }

    [Fact]
    public async Task AnIdleSession_ExpiresAfterSessionIdleMinutes_AndStartsAgainFromTheSeed()
    {
        Restart(o => o.SessionIdleMinutes = 1);
        var session = _engine.Session("idle");
        var seeded = await NameAsync(_engine.HandleAsync);
        await session.HandleAsync(Rename("before the break"));

        _clock.Advance(TimeSpan.FromSeconds(60));
        (await NameAsync(session.HandleAsync)).Should().Be("before the break", "60 s idle is not more than the limit");
        _clock.Advance(TimeSpan.FromSeconds(61));

        (await SessionsAsync()).Should().BeEmpty();
        (await NameAsync(session.HandleAsync)).Should().Be(seeded);
    }

    [Fact]
    public async Task MaxSessionsZero_TurnsSessionsOff()
    {
        Restart(o => o.MaxSessions = 0);

        var answer = await _engine.Session("any").HandleAsync(new MockRequest("GET", Contact));

        answer.StatusCode.Should().Be(400);
        Parse(answer)["ErrorMessage"]!.GetValue<string>().Should().Contain("sessions are off");
        var setup = () => _engine.Session("any").Setup("Contact 66 exists");
        setup.Should().Throw<InvalidOperationException>().WithMessage("*--max-sessions 0*");
    }

    [Fact]
    public async Task DropSession_ForgetsIt()
    {
        _engine.Session("gone").Setup("Contact 66 does not exist");

        _engine.DropSession("gone").Should().BeTrue();
        _engine.DropSession("gone").Should().BeFalse();
        (await SessionsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task TheServersSessionClient_SendsTheHeader()
    {
        await using var server = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
        using var worker = server.Session("worker-1");
        using var plain = new HttpClient { BaseAddress = server.BaseAddress };

        using var patched = await worker.PatchAsync(Contact, new StringContent("""{"Name":"worker's"}""", Encoding.UTF8, "application/merge-patch+json"));

        patched.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await worker.GetStringAsync(Contact)).Should().Contain("worker's");
        (await plain.GetStringAsync(Contact)).Should().NotContain("worker's");
        var badName = () => server.Session("no spaces please");
        badName.Should().Throw<ArgumentException>().WithMessage("*has a space*");
    }

    private SuperOfficeMockEngine Start(Action<SuperOfficeMockServerOptions>? configure = null)
    {
        var options = new SuperOfficeMockServerOptions { TimeProvider = _clock, LogRequests = false };
        configure?.Invoke(options);
        return SuperOfficeMockEngine.Start(Base, options);
    }

    private void Restart(Action<SuperOfficeMockServerOptions> configure)
    {
        _engine.Dispose();
        _engine = Start(configure);
    }

    private async Task<JsonArray> SessionsAsync() =>
        Parse(await _engine.HandleAsync(new MockRequest("GET", "/__admin/sessions")))["sessions"]!.AsArray();

    private static async Task<string> NameAsync(Func<MockRequest, CancellationToken, Task<MockResponse>> handle)
    {
        var answer = await handle(new MockRequest("GET", Contact), default);
        answer.StatusCode.Should().Be(200);
        return Parse(answer)["Name"]!.GetValue<string>();
    }

    private static MockRequest Rename(string name) =>
        Json("PATCH", Contact, $$"""[{"op":"replace","path":"/Name","value":"{{name}}"}]""", "application/json-patch+json");

    private static MockRequest Json(string method, string path, string body, string contentType = "application/json") =>
        new(method, path, new Dictionary<string, string> { ["Content-Type"] = contentType }, Encoding.UTF8.GetBytes(body));

    private static JsonObject Parse(MockResponse answer) => JsonNode.Parse(answer.Body)!.AsObject();
}
