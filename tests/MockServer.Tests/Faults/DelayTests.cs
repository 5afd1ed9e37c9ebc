using System.Text;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>
/// Delays (a rule's <c>delayMs</c>, <c>Prefer: delay=</c>, <c>--latency</c>) wait for the mock's clock, not a
/// thread: with a manual clock the answer comes exactly when the clock has moved far enough, and no real time passes.
/// </summary>
public sealed class DelayTests : IDisposable
{
    private static readonly Uri Base = new("http://localhost:9091/");
    private readonly SignallingClock _clock = new();
    private SuperOfficeMockEngine _engine;

    public DelayTests() => _engine = Start();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task RuleDelay_AnswersOnlyWhenTheClockHasMovedThatFar()
    {
        await AddRuleAsync("""{"entity":"Contact","delayMs":2000}""");

        await ShouldWaitForTheClockAsync(Get("/api/v1/Contact/66"), TimeSpan.FromMilliseconds(2000), 200);
    }

    [Fact]
    public async Task RuleDelayRange_DrawsADelayWithinIt()
    {
        await AddRuleAsync("""{"entity":"Contact","delayMs":{"min":100,"max":500}}""");

        var answer = _engine.HandleAsync(Get("/api/v1/Contact/66"));
        var due = await _clock.NextTimerAsync();

        due.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(500));
        _clock.Advance(due);
        (await answer).StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task PreferDelay_WaitsThenAnswersTheForcedCode()
    {
        var request = Get("/api/v1/Contact/66") with { Headers = new Dictionary<string, string> { ["Prefer"] = "delay=300, code=503" } };

        await ShouldWaitForTheClockAsync(request, TimeSpan.FromMilliseconds(300), 503);
    }

    [Fact]
    public async Task Latency_DelaysEveryCatalogAnswer_ButNotTheAdminApi()
    {
        _engine.Dispose();
        _engine = Start(o => o.Latency = TimeSpan.FromMilliseconds(120));

        var health = await _engine.HandleAsync(Get("/__admin/health"));

        health.StatusCode.Should().Be(200, "the admin API answers at once, with the clock standing still");
        await ShouldWaitForTheClockAsync(Get("/api/v1/Ticket/900"), TimeSpan.FromMilliseconds(120), 200);
    }

    [Fact]
    public async Task LatencyRange_DrawsEachDelayWithinIt()
    {
        _engine.Dispose();
        _engine = Start(o => (o.Latency, o.LatencyMax) = (TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30)));

        for (var i = 0; i < 5; i++)
        {
            var answer = _engine.HandleAsync(Get("/api/v1/Contact/66"));
            var due = await _clock.NextTimerAsync();
            due.TotalMilliseconds.Should().BeInRange(10, 30);
            _clock.Advance(due);
            (await answer).StatusCode.Should().Be(200);
        }
    }

    [Fact]
    public async Task AClientThatLeavesDuringADelay_ChangesNothing()
    {
        var stored = (await _engine.HandleAsync(Get("/api/v1/Contact/66"))).Body;
        await AddRuleAsync("""{"method":"PATCH","delayMs":5000}""");
        using var leave = new CancellationTokenSource();
        var patch = new MockRequest("PATCH", "/api/v1/Contact/66", new Dictionary<string, string> { ["Content-Type"] = "application/json-patch+json" },
            Encoding.UTF8.GetBytes("""[{"op":"replace","path":"/Name","value":"Never"}]"""));

        var answer = _engine.HandleAsync(patch, leave.Token);
        await _clock.NextTimerAsync();
        await leave.CancelAsync();
        await answer;
        _clock.Advance(TimeSpan.FromSeconds(10));

        (await _engine.HandleAsync(Get("/api/v1/Contact/66"))).Body.Should().Equal(stored);
    }

    private async Task ShouldWaitForTheClockAsync(MockRequest request, TimeSpan delay, int status)
    {
        var answer = _engine.HandleAsync(request);
        (await _clock.NextTimerAsync()).Should().Be(delay);

        _clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        answer.IsCompleted.Should().BeFalse("the delay has not passed on the mock's clock");
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        (await answer).StatusCode.Should().Be(status);
    }

    private async Task AddRuleAsync(string json)
    {
        var added = await _engine.HandleAsync(new MockRequest("POST", "/__admin/faults", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Encoding.UTF8.GetBytes(json)));
        added.StatusCode.Should().Be(201, Encoding.UTF8.GetString(added.Body));
    }

    private static MockRequest Get(string path) => new("GET", path);

    private SuperOfficeMockEngine Start(Action<SuperOfficeMockServerOptions>? configure = null)
    {
        var options = new SuperOfficeMockServerOptions { TimeProvider = _clock, LogRequests = false };
        configure?.Invoke(options);
        return SuperOfficeMockEngine.Start(Base, options);
    }
}
