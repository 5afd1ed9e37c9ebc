namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>The values a schema allows: its kinds, null, and the members of its enumeration.</summary>
internal sealed partial class SchemaComparer
{
    private static readonly HashSet<string> Scalars = ["string", "integer", "number", "boolean"];

    private static void Kinds(SchemaView was, SchemaView now, string location, Direction direction, List<CompatFinding> findings)
    {
        // a response may not hold a kind the consumer did not expect; a request may not refuse a kind it accepted
        var (from, to) = direction == Direction.Response ? (was, now) : (now, was);
        var unexpected = to.Alternatives.Where(n => !from.Alternatives.Any(w => SchemaView.Accepts(w.Kind, n.Kind))).ToList();
        if (unexpected.Count > 0)
        {
            findings.Add(new CompatFinding(CompatRules.TypeChanged, location, $"type {was.Describe()} -> {now.Describe()}"));
        }
        else if (!was.Alternatives.Select(a => a.Kind).ToHashSet().SetEquals(now.Alternatives.Select(a => a.Kind)))
        {
            findings.Add(new CompatFinding(CompatRules.TypeRelaxed, location, $"type {was.Describe()} -> {now.Describe()}"));
        }
    }

    private static void Nulls(SchemaView was, SchemaView now, string location, Direction direction, List<CompatFinding> findings)
    {
        if (was.Nullable == now.Nullable)
        {
            return;
        }

        var rule = (direction, now.Nullable) switch
        {
            (Direction.Response, true) => CompatRules.ResponseNullAllowed,
            (Direction.Response, false) => CompatRules.ResponseNullRefused,
            (_, true) => CompatRules.RequestNullAllowed,
            _ => CompatRules.RequestNullRefused,
        };
        findings.Add(new CompatFinding(rule, location, now.Nullable ? "may now be null" : "may no longer be null"));
    }

    private static void Members(SchemaView was, SchemaView now, string location, Direction direction, List<CompatFinding> findings)
    {
        var comparable = Closed(was, out var before) & Closed(now, out var after);
        if (!comparable || (before is null && after is null))
        {
            return;
        }

        // null members: an open value (any string, any number)
        var added = before is null || after is null ? [] : after.Except(before).ToList();
        var removed = before is null || after is null ? [] : before.Except(after).ToList();
        var widened = after is null ? "no longer an enumeration" : added.Count > 0 ? $"new members: {List(added)}" : null;
        var narrowed = before is null ? $"now limited to: {List(after!)}" : removed.Count > 0 ? $"members gone: {List(removed)}" : null;
        if (direction == Direction.Response)
        {
            if (widened is not null)
            {
                findings.Add(new CompatFinding(CompatRules.ResponseEnumWidened, location, widened));
            }

            if (narrowed is not null)
            {
                findings.Add(new CompatFinding(CompatRules.ResponseEnumNarrowed, location, narrowed));
            }

            return;
        }

        if (narrowed is not null)
        {
            findings.Add(new CompatFinding(CompatRules.RequestEnumNarrowed, location, before is null ? narrowed : $"no longer accepts: {List(removed)}"));
        }

        if (widened is not null)
        {
            findings.Add(new CompatFinding(CompatRules.RequestEnumWidened, location, widened));
        }
    }

    /// <summary>
    /// False when the view has no scalar alternative (nothing to compare); otherwise true, with the members of its
    /// enumeration, or null when some scalar alternative is open.
    /// </summary>
    private static bool Closed(SchemaView view, out List<string>? members)
    {
        var scalars = view.Alternatives.Where(a => Scalars.Contains(a.BaseType)).ToList();
        members = scalars.Count == 0 || scalars.Any(a => a.Members is null) ? null : [.. scalars.SelectMany(a => a.Members!).Distinct()];
        return scalars.Count > 0;
    }

    private static string List(IEnumerable<string> members) => string.Join(", ", members.Select(m => m.Length > 1 && m[0] == '"' ? m[1..^1] : m));
}
