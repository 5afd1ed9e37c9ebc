using System.Runtime.CompilerServices;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// The fault rules in force, oldest first, and the same rules filed by what they name: the method (or any) and the
/// most telling of path, entity and id, entity, id (or nothing). A request looks up only the lists that can hold a
/// rule for it, at most ten, and walks them together in age order, so a rule that names another method, path, entity
/// or id costs it nothing: the step's cost grows with the rules that could match the request, not with all rules.
/// Immutable: <see cref="FaultRules"/> builds a new one on every change.
/// </summary>
internal sealed class FaultRuleIndex
{
    public static readonly FaultRuleIndex Empty = new([]);

    private const int Kinds = 5; // any, path, entity, entity and id, id
    private const int MaxLists = Kinds * 2;

    private readonly Dictionary<Key, FaultRule[]> _lists;
    private readonly int _shapes; // bit (method given ? Kinds : 0) + kind, for each key that holds rules

    public FaultRuleIndex(FaultRule[] rules)
    {
        Rules = rules;
        _lists = rules.GroupBy(KeyOf, KeyComparer.Instance).ToDictionary(g => g.Key, g => g.ToArray(), KeyComparer.Instance);
        foreach (var key in _lists.Keys)
        {
            _shapes |= 1 << Shape(key.Method is not null, key.Kind);
        }
    }

    /// <summary>Every rule, oldest first.</summary>
    public FaultRule[] Rules { get; }

    /// <summary>The rules that may match the request, oldest first (each still to be checked with <see cref="FaultRule.Matches"/>).</summary>
    public Candidates Find(string method, string path, EntityModel model, ReadOnlySpan<char> id)
    {
        var found = default(Candidates);
        var number = Has(Kind.EntityAndId) || Has(Kind.Id) ? ParseId(id) : null;
        foreach (var given in (ReadOnlySpan<bool>)[true, false])
        {
            var verb = given ? method : null;
            Add(ref found, given, Kind.Any, new Key(verb, Kind.Any, null, 0, null));
            Add(ref found, given, Kind.Path, new Key(verb, Kind.Path, null, 0, path));
            Add(ref found, given, Kind.Entity, new Key(verb, Kind.Entity, model, 0, null));
            if (number is { } n)
            {
                Add(ref found, given, Kind.EntityAndId, new Key(verb, Kind.EntityAndId, model, n, null));
                Add(ref found, given, Kind.Id, new Key(verb, Kind.Id, null, n, null));
            }
        }

        return found;
    }

    private bool Has(Kind kind) => (_shapes & ((1 << Shape(true, kind)) | (1 << Shape(false, kind)))) != 0;

    private void Add(ref Candidates found, bool methodGiven, Kind kind, Key key)
    {
        if ((_shapes & (1 << Shape(methodGiven, kind))) != 0 && _lists.TryGetValue(key, out var list))
        {
            found.Add(list);
        }
    }

    private static int Shape(bool methodGiven, Kind kind) => (methodGiven ? Kinds : 0) + (int)kind;

    private static int? ParseId(ReadOnlySpan<char> id) =>
        int.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Where a rule is filed: a path names the request most closely, then an entity with an id, an entity, an id.</summary>
    private static Key KeyOf(FaultRule rule) =>
        rule.Path is not null ? new Key(rule.Method, Kind.Path, null, 0, rule.Path)
        : rule.Entity is not null && rule.EntityId is { } entityId ? new Key(rule.Method, Kind.EntityAndId, rule.Entity, entityId, null)
        : rule.Entity is not null ? new Key(rule.Method, Kind.Entity, rule.Entity, 0, null)
        : rule.EntityId is { } id ? new Key(rule.Method, Kind.Id, null, id, null)
        : new Key(rule.Method, Kind.Any, null, 0, null);

    private enum Kind
    {
        Any,
        Path,
        Entity,
        EntityAndId,
        Id,
    }

    private readonly record struct Key(string? Method, Kind Kind, EntityModel? Entity, int Id, string? Path);

    /// <summary>Methods and paths compare as the rules do, ignoring case.</summary>
    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) =>
            x.Kind == y.Kind && x.Id == y.Id && ReferenceEquals(x.Entity, y.Entity)
            && string.Equals(x.Method, y.Method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Path, y.Path, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(Key key) => HashCode.Combine(
            key.Kind,
            key.Id,
            key.Entity is null ? 0 : RuntimeHelpers.GetHashCode(key.Entity),
            key.Method is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Method),
            key.Path is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Path));
    }

    /// <summary>The lists a request looks at, walked together in age order (each rule is in one list only).</summary>
    public struct Candidates
    {
        private Lists _lists;
        private Positions _at;
        private int _count;

        /// <summary>The next oldest rule of the lists; false when they are all walked.</summary>
        public bool MoveNext(out FaultRule rule)
        {
            var best = -1;
            for (var i = 0; i < _count; i++)
            {
                if (_at[i] < _lists[i].Length && (best < 0 || _lists[i][_at[i]].Sequence < _lists[best][_at[best]].Sequence))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                rule = null!;
                return false;
            }

            rule = _lists[best][_at[best]++];
            return true;
        }

        internal void Add(FaultRule[] list) => _lists[_count++] = list;
    }

    [InlineArray(MaxLists)]
    private struct Lists
    {
        private FaultRule[] _first;
    }

    [InlineArray(MaxLists)]
    private struct Positions
    {
        private int _first;
    }
}
