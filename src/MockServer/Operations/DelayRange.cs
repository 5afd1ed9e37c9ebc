namespace ContractHarness.MockServer.Operations;

/// <summary>
/// A delay in whole milliseconds: fixed (<c>200</c>) or drawn evenly from a range (<c>{"min": 100, "max": 500}</c>,
/// <c>--latency 100-500</c>). <see cref="IsRange"/> keeps how it was given, so the admin API echoes it the same way.
/// </summary>
internal readonly record struct DelayRange(int MinMs, int MaxMs, bool IsRange)
{
    /// <summary>The longest delay the mock accepts, from a rule, <c>Prefer: delay=</c> or <c>--latency</c>: a minute.</summary>
    public const int MaxDelayMs = 60_000;

    public static DelayRange Fixed(int ms) => new(ms, ms, IsRange: false);

    /// <summary>A delay for this answer: the fixed value, or a draw from <paramref name="random"/> (which the caller serializes).</summary>
    public TimeSpan Draw(Random random) => TimeSpan.FromMilliseconds(MinMs == MaxMs ? MinMs : random.Next(MinMs, MaxMs + 1));

    /// <summary>
    /// Reads <c>MS</c> or <c>MIN-MAX</c> (the <c>--latency</c> syntax); null with <paramref name="error"/> naming the
    /// problem when it is neither, negative, reversed or above <see cref="MaxDelayMs"/>.
    /// </summary>
    public static DelayRange? TryParse(string text, out string? error)
    {
        var dash = text.IndexOf('-', 1);
        var (minText, maxText) = dash < 0 ? (text, text) : (text[..dash], text[(dash + 1)..]);
        if (!int.TryParse(minText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(maxText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max))
        {
            error = $"'{text}' is not a delay in milliseconds (MS or MIN-MAX, e.g. 200 or 100-500).";
            return null;
        }

        error = Check(min, max);
        return error is null ? new DelayRange(min, max, dash >= 0) : null;
    }

    /// <summary>Why <paramref name="min"/>..<paramref name="max"/> is not a delay the mock accepts, or null.</summary>
    public static string? Check(long min, long max) =>
        min < 0 || max < 0 ? "a delay cannot be negative"
        : min > max ? $"min ({min}) is greater than max ({max})"
        : max > MaxDelayMs ? $"{max} ms is above the limit of {MaxDelayMs} ms"
        : null;

    public override string ToString() => MinMs == MaxMs && !IsRange ? $"{MinMs}" : $"{MinMs}-{MaxMs}";
}
