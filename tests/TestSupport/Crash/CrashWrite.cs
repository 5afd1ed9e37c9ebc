using ContractHarness.TestSupport.Fuzz;

namespace ContractHarness.TestSupport.Crash;

/// <summary>An entity the crash test writes, and the string property whose value it tracks.</summary>
internal sealed record CrashEntity(FuzzTarget Target, int Id, string Property, bool Deep)
{
    public string Path => Target.Prefix + Id;

    public override string ToString() => $"{Path} {Property}";
}

/// <summary>
/// One update: its unique value and two ticks of one shared counter, when it was sent and when its 200 arrived
/// (<see cref="Acked"/> is <see cref="long.MaxValue"/> while unacknowledged: in flight at the kill, or failed).
/// </summary>
internal sealed class CrashWrite(CrashEntity entity, string value, long sent)
{
    public CrashEntity Entity { get; } = entity;

    public string Value { get; } = value;

    public long Sent { get; } = sent;

    public long Acked { get; set; } = long.MaxValue;

    /// <summary>The answer's status, 0 when none came (the mock died first).</summary>
    public int Status { get; set; }

    /// <summary>The answer's <c>Retry-After</c>, null when it had none.</summary>
    public string? RetryAfter { get; set; }

    public bool IsAcknowledged => Status == 200;
}
