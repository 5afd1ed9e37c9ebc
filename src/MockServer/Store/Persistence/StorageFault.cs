namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// Why the data folder stores no updates now: the storage's own words for the last failure, when the first one
/// happened, how many tries have failed since, and when the next try is due. Replaced at each failed try; gone once
/// a try succeeds.
/// </summary>
internal sealed record StorageFault(string Cause, DateTimeOffset Since, int FailedTries, DateTimeOffset NextTry)
{
    /// <summary>Whole seconds until <see cref="NextTry"/>, at least 1: the <c>Retry-After</c> of a refused update.</summary>
    public int RetryAfterSeconds(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((NextTry - now).TotalSeconds));
}
