using System.Text.RegularExpressions;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// One fault rule of <c>/__admin/faults</c>: which catalog requests it matches (every given matcher must match; none
/// matches all), what it does to them (a status, a delay, an abort) and how long it lives (<see cref="Times"/>,
/// <see cref="Probability"/>). A rule never touches the store: its status is answered instead of the operation.
/// </summary>
internal sealed class FaultRule
{
    /// <summary>How long a <see cref="PathPattern"/> may take on one path before it counts as no match.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private long _applied;
    private long _remaining = -1; // -1: unlimited; set from Times when the rule is stored

    /// <summary>The rule's name, <c>f1</c>, <c>f2</c>, ..., given by <see cref="FaultRules.Add"/>.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The rule's number, the one in <see cref="Id"/>: its age among the rules (lower is older).</summary>
    public long Sequence { get; internal set; }

    public string? Method { get; init; }

    public string? Path { get; init; }

    public Regex? PathPattern { get; init; }

    /// <summary>The entity or resource name as given (<c>Contact</c>), answered back.</summary>
    public string? EntityName { get; init; }

    /// <summary>The route <see cref="EntityName"/> names.</summary>
    public EntityModel? Entity { get; init; }

    public int? EntityId { get; init; }

    public int? Status { get; init; }

    public DelayRange? Delay { get; init; }

    public bool Abort { get; init; }

    public int? Times { get; init; }

    public double? Probability { get; init; }

    /// <summary>How many requests the rule has been applied to.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>How many more times it applies, or null when unlimited.</summary>
    public long? Remaining => Times is null ? null : Math.Max(Interlocked.Read(ref _remaining), 0);

    /// <summary>True when the rule has used up its <see cref="Times"/>.</summary>
    public bool IsSpent => Times is not null && Interlocked.Read(ref _remaining) <= 0;

    public bool Matches(string method, string path, EntityModel model, ReadOnlySpan<char> id)
    {
        if ((Method is not null && !Method.Equals(method, StringComparison.OrdinalIgnoreCase))
            || (Path is not null && !Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            || (Entity is not null && Entity != model)
            || (EntityId is { } wanted && !(int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var given) && given == wanted)))
        {
            return false;
        }

        try
        {
            return PathPattern is null || PathPattern.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a pattern too slow for this path does not match it (and never stalls the request)
        }
    }

    /// <summary>Takes one use of the rule: false when its <see cref="Times"/> are spent (another request took the last).</summary>
    public bool TryTake()
    {
        if (Times is not null)
        {
            long left;
            do
            {
                left = Interlocked.Read(ref _remaining);
                if (left <= 0)
                {
                    return false;
                }
            }
            while (Interlocked.CompareExchange(ref _remaining, left - 1, left) != left);
        }

        Interlocked.Increment(ref _applied);
        return true;
    }

    /// <summary>Arms the use counter; called once, when the rule is stored.</summary>
    internal void Arm() => Interlocked.Exchange(ref _remaining, Times ?? -1);

    /// <summary>What the rule did, for the journal: <c>f1: status 503</c>, <c>f2: delay 200 ms</c>, <c>f3: abort</c>.</summary>
    public string Describe(TimeSpan? delay)
    {
        var parts = new List<string>(3);
        if (delay is { } d)
        {
            parts.Add($"delay {(long)d.TotalMilliseconds} ms");
        }

        if (Abort)
        {
            parts.Add("abort");
        }
        else if (Status is { } status)
        {
            parts.Add($"status {status}");
        }

        return $"{Id}: {string.Join(", ", parts)}";
    }
}
