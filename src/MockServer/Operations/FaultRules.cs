using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// The fault rules of one mock, oldest first, at most <see cref="Limit"/> of them. Requests read them without a lock
/// (one volatile read of a <see cref="FaultRuleIndex"/> that is replaced, never changed), so a mock without rules
/// pays one read and a length check per request, and a mock with rules looks only at those filed under the request's
/// method, path, entity and id; the admin API's changes build a new index under a lock. One generator, seeded from the
/// options' seed and seeded again by <see cref="Reset"/>, draws probabilities and ranged delays, one caller at a time:
/// the same requests after a reset meet the same faults.
/// </summary>
internal sealed class FaultRules(int seed, int limit = int.MaxValue)
{
    private Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly Lock _draws = new();
    private volatile FaultRuleIndex _index = FaultRuleIndex.Empty;
    private int _lastId;

    public bool IsEmpty => _index.Rules.Length == 0;

    /// <summary>How many rules may be held at once.</summary>
    public int Limit => limit;

    /// <summary>The rules in force, oldest first (spent ones are gone).</summary>
    public IReadOnlyList<FaultRule> All => _index.Rules;

    /// <summary>
    /// Stores <paramref name="rule"/> under the next id (<c>f1</c>, <c>f2</c>, ...; never reused, so an old id cannot
    /// delete a new rule) and returns null; or, with <see cref="Limit"/> rules held, stores nothing and returns the 409.
    /// </summary>
    public MockHttpException? Add(FaultRule rule)
    {
        lock (_gate)
        {
            if (_index.Rules.Length >= limit)
            {
                return MockErrors.LimitReached(
                    $"The mock holds {_index.Rules.Length} fault rules, its limit (--max-fault-rules {limit}): the rule was not added. Remove rules first (DELETE /__admin/faults/{{id}}, or DELETE /__admin/faults for all).");
            }

            rule.Sequence = ++_lastId;
            rule.Id = $"f{rule.Sequence}";
            rule.Arm();
            _index = new FaultRuleIndex([.. _index.Rules, rule]);
        }

        return null;
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            var kept = _index.Rules.Where(r => !r.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).ToArray();
            var removed = kept.Length != _index.Rules.Length;
            if (removed)
            {
                _index = new FaultRuleIndex(kept);
            }

            return removed;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _index = FaultRuleIndex.Empty;
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
        var candidates = _index.Find(method, path, model, id);
        while (candidates.MoveNext(out var rule))
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
