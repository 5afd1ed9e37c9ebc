using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The contract violations of proxied exchanges, summed per operation, side and path: how often, the last message and
/// when it was last seen (by the mock's <see cref="TimeProvider"/>), for <c>GET /__admin/violations</c>. Bounded: past
/// <see cref="MaxPaths"/> distinct paths, new ones are only counted (<c>untracked</c>), so a client that invents
/// property names cannot grow it without end. The journal keeps each exchange's own list.
/// </summary>
internal sealed class ViolationLog(TimeProvider time)
{
    /// <summary>How many distinct operation, side and path lines are kept.</summary>
    public const int MaxPaths = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Operation, string Side, string Path), Line> _lines = [];
    private long _exchanges;
    private long _withViolations;
    private long _violations;
    private long _untracked;

    /// <summary>Counts one checked exchange of <paramref name="operation"/> (<c>PATCH Contact/{id}</c>) and its violations.</summary>
    public void Add(string operation, IReadOnlyList<ContractViolation> violations)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _exchanges++;
            if (violations.Count == 0)
            {
                return;
            }

            _withViolations++;
            foreach (var violation in violations)
            {
                _violations++;
                var key = (operation, violation.Side, violation.Path);
                if (_lines.TryGetValue(key, out var line))
                {
                    line.Seen(violation.Message, now);
                }
                else if (_lines.Count < MaxPaths)
                {
                    _lines.Add(key, new Line(violation.Message, now));
                }
                else
                {
                    _untracked++;
                }
            }
        }
    }

    /// <summary>The summary, ordered by operation, side and path.</summary>
    public ViolationSummaryModel Snapshot()
    {
        lock (_gate)
        {
            var paths = _lines
                .OrderBy(p => p.Key.Operation, StringComparer.Ordinal).ThenBy(p => p.Key.Side, StringComparer.Ordinal).ThenBy(p => p.Key.Path, StringComparer.Ordinal)
                .Select(p => new ViolationCountModel(p.Key.Operation, p.Key.Side, p.Key.Path, p.Value.Count, p.Value.LastMessage, p.Value.LastSeen))
                .ToList();
            return new ViolationSummaryModel(_exchanges, _withViolations, _violations, _untracked, paths);
        }
    }

    /// <summary>Forgets everything counted so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
            _exchanges = _withViolations = _violations = _untracked = 0;
        }
    }

    private sealed class Line(string message, DateTimeOffset seen)
    {
        public long Count { get; private set; } = 1;

        public string LastMessage { get; private set; } = message;

        public DateTimeOffset LastSeen { get; private set; } = seen;

        public void Seen(string message, DateTimeOffset seen) => (Count, LastMessage, LastSeen) = (Count + 1, message, seen);
    }
}
