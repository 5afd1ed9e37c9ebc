namespace ContractHarness.MockServer.Http;

/// <summary>
/// Where the fault step leaves what it did to a request (<c>f1: status 503</c>, <c>Prefer: code=409</c>,
/// <c>latency 120 ms</c>) for the journal: a string in <see cref="HttpContext.Items"/>, set only when something applied.
/// </summary>
internal static class FaultNote
{
    public const string ItemKey = "contractharness.fault";

    /// <summary>Adds <paramref name="note"/> to the request's description ("; " between effects).</summary>
    public static void Add(HttpContext context, string note) =>
        context.Items[ItemKey] = context.Items.TryGetValue(ItemKey, out var earlier) && earlier is string text ? $"{text}; {note}" : note;
}
