using System.Threading.Channels;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>
/// A manual clock that says when something starts waiting on it: a delayed request has registered its timer once
/// <see cref="NextTimerAsync"/> completes, so a test can move the clock without sleeping and without racing the request.
/// </summary>
public sealed class SignallingClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created on this clock (waits for it, up to 30 seconds).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(timeout.Token);
    }
}
