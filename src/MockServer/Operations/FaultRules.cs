using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// The fault rules of one mock, oldest first. Requests read the list without a lock (one volatile read of an array
/// that is replaced, never changed), so a mock without rules pays one read and a length check per request; the
/// admin API's changes copy the array under a lock. One generator, seeded from the options' seed and seeded again by
/// <see cref="Reset"/>, draws probabilities and ranged delays, one caller at a time: the same requests after a reset
/// meet the same faults.
/// </summary>
internal sealed class FaultRules(int seed)
{
    private Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly Lock _draws = new();
    private volatile FaultRule[] _rules = [];
    private int _lastId;

    public bool IsEmpty => _rules.Length == 0;

    /// <summary>The rules in force, oldest first (spent ones are gone).</summary>
    public IReadOnlyList<FaultRule> All => _rules;

    /// <summary>Stores <paramref name="rule"/> under the next id (<c>f1</c>, <c>f2</c>, ...; never reused, so an old id cannot delete a new rule).</summary>
    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            rule.Id = $"f{++_lastId}";
            rule.Arm();
            _rules = [.. _rules, rule];
        }

        return rule;
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            var kept = _rules.Where(r => !r.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).ToArray();
            var removed = kept.Length != _rules.Length;
            _rules = kept;
            return removed;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules = [];
        }
    }

    /// <summary>No rules, and the generator back at its seed.</summary>
    public void Reset()
    {
        Clear();
        lock (_draws)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>
    /// The oldest rule that matches the request, passes its <see cref="FaultRule.Probability"/> and still has a use
    /// left, with that use taken; null when none applies. A rule whose last use this was leaves the list.
    /// </summary>
    public FaultRule? Apply(string method, string path, EntityModel model, ReadOnlySpan<char> id)
    {
        foreach (var rule in _rules)
        {
            if (!rule.Matches(method, path, model, id) || (rule.Probability is { } p && NextDouble() >= p) || !rule.TryTake())
            {
                continue;
            }

            if (rule.IsSpent)
            {
                Remove(rule.Id);
            }

            return rule;
        }

        return null;
    }

    /// <summary>A delay drawn from <paramref name="range"/> with the shared generator.</summary>
    public TimeSpan Draw(DelayRange range)
    {
        if (range.MinMs == range.MaxMs)
        {
            return TimeSpan.FromMilliseconds(range.MinMs);
        }

        lock (_draws)
        {
            return range.Draw(_random);
        }
    }

    private double NextDouble()
    {
        lock (_draws)
        {
            return _random.NextDouble();
        }
    }
}
