using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Coverage;
using ContractHarness.MockServer.Operations.Sessions;
using ContractHarness.MockServer.Store;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Sessions;

/// <summary>The bounds of <see cref="SessionRegistry"/>: how many sessions, how long idle, never one in use.</summary>
public sealed class SessionRegistryTests : IDisposable
{
    private static readonly IReadOnlyList<EntityModel> Models = TestPaths.Models;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly EntityStore _store = new(SeedData.Build(Models, 42, 3), null, TimeProvider.System);

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Enter_StartsASessionOnFirstUse_AndTheSameNameEntersTheSameOne()
    {
        var sessions = Registry(max: 5);

        var first = Use(sessions, "a");
        var again = Use(sessions, "a");

        again.Should().BeSameAs(first);
        Use(sessions, "A").Should().NotBeSameAs(first, "names are compared exactly");
        sessions.List().Select(s => s.Name).Should().BeEquivalentTo(["a", "A"]);
    }

    [Fact]
    public void PastTheBound_TheLeastRecentlyUsedIdleSessionGoes()
    {
        var sessions = Registry(max: 2);
        Use(sessions, "old");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Use(sessions, "newer");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Use(sessions, "old"); // now "newer" is the least recently used
        _clock.Advance(TimeSpan.FromSeconds(1));

        Use(sessions, "third");

        sessions.List().Select(s => s.Name).Should().Equal("third", "old");
    }

    [Fact]
    public void PastTheBound_ASessionInUseNeverGoes_AndWhenAllAreInUseTheNewOneIsRefusedWith429()
    {
        var sessions = Registry(max: 2);
        var busy = sessions.Enter("busy", out _)!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        Use(sessions, "idle");
        _clock.Advance(TimeSpan.FromSeconds(1));

        Use(sessions, "third"); // "busy" is older, but in use: "idle" goes
        sessions.Enter("fourth-holds", out _).Should().NotBeNull();
        var refused = Refusal(sessions, "fifth");

        sessions.List().Select(s => s.Name).Should().BeEquivalentTo(["busy", "fourth-holds"]);
        busy.IsDropped.Should().BeFalse();
        refused.Status.Should().Be(429);
        refused.Headers.Should().Contain(new KeyValuePair<string, string>("Retry-After", "1"));
        refused.Message.Should().Contain("all 2 sessions (--max-sessions) have a request in flight").And.Contain("'fifth'");
    }

    [Fact]
    public void AnIdleSession_ExpiresAfterTheIdleTime_AndItsNameStartsAFreshOne()
    {
        var sessions = Registry(max: 5, idle: TimeSpan.FromMinutes(30));
        var first = Use(sessions, "a");
        first.Store.Set(Models[0], 1, null);

        _clock.Advance(TimeSpan.FromMinutes(30));
        sessions.Find("a").Should().BeSameAs(first, "30 minutes idle is not more than the limit");
        _clock.Advance(TimeSpan.FromSeconds(1));

        sessions.Find("a").Should().BeNull();
        sessions.List().Should().BeEmpty();
        var fresh = Use(sessions, "a");
        fresh.Should().NotBeSameAs(first);
        fresh.Store.Get(Models[0], 1).Should().NotBeNull("the new session starts from the seed");
    }

    [Fact]
    public void ASessionInUse_DoesNotExpire()
    {
        var sessions = Registry(max: 5, idle: TimeSpan.FromMinutes(30));
        var busy = sessions.Enter("busy", out _)!;

        _clock.Advance(TimeSpan.FromHours(2));

        sessions.List().Should().ContainSingle().Which.Should().BeSameAs(busy);
        sessions.Leave(busy);
        _clock.Advance(TimeSpan.FromMinutes(31));
        sessions.List().Should().BeEmpty("idle time counts from when its last request left");
    }

    [Fact]
    public void Drop_ForgetsTheSession_EvenWithARequestInFlight_AndUnknownNamesAreFalse()
    {
        var sessions = Registry(max: 5);
        var busy = sessions.Enter("busy", out _)!;

        sessions.Drop("busy").Should().BeTrue();
        sessions.Drop("busy").Should().BeFalse();
        sessions.Drop("never").Should().BeFalse();

        busy.IsDropped.Should().BeTrue();
        sessions.Leave(busy); // the request in flight finishes
        busy.InFlight.Should().Be(0);
        Use(sessions, "busy").Should().NotBeSameAs(busy);
    }

    [Fact]
    public void DropAll_ForgetsEverySession()
    {
        var sessions = Registry(max: 5);
        Use(sessions, "a");
        Use(sessions, "b");

        sessions.DropAll().Should().Be(2);

        sessions.List().Should().BeEmpty();
    }

    [Fact]
    public void MaxZero_TurnsSessionsOff()
    {
        var refused = Refusal(Registry(max: 0), "a");

        refused.Status.Should().Be(400);
        refused.Message.Should().Contain("--max-sessions 0");
    }

    [Fact]
    public async Task ManyRequests_EnteringWhileTheBoundEvicts_NeverEnterADroppedSessionNorLeaveACountBehind()
    {
        // Eight names for a bound of four: sessions are evicted all the time, but only idle ones, so an entered session
        // is live while its request runs. (An explicit DELETE drops a session whatever it is doing, so it is not mixed in.)
        var sessions = Registry(max: 4);
        var names = Enumerable.Range(0, 8).Select(i => $"s{i}").ToArray();

        await Parallel.ForAsync(0, 4000, (i, cancel) =>
        {
            if (sessions.Enter(names[i % names.Length], out _) is { } session)
            {
                session.IsDropped.Should().BeFalse("a request enters a live session only");
                sessions.Leave(session);
            }

            return ValueTask.CompletedTask;
        });

        var live = sessions.List();
        live.Count.Should().BeLessThanOrEqualTo(4);
        live.Should().OnlyContain(s => s.InFlight == 0 && !s.IsDropped);
    }

    private SessionRegistry Registry(int max, TimeSpan? idle = null) =>
        new(_store, CatalogOperations.From(Models), max, idle, _clock);

    /// <summary>One request in the session: entered and left.</summary>
    private static SessionWorld Use(SessionRegistry sessions, string name)
    {
        var session = sessions.Enter(name, out var refused);
        refused.Should().BeNull();
        sessions.Leave(session!);
        return session!;
    }

    private static MockHttpException Refusal(SessionRegistry sessions, string name)
    {
        sessions.Enter(name, out var refused).Should().BeNull();
        return refused!;
    }
}
