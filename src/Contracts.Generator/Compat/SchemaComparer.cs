using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// Compares a schema of the base document with its counterpart in the head document, in the direction its values
/// travel, and returns every finding at or below it. Components are compared once per pair and direction (their
/// findings are shared by every operation that reaches them), and a component that contains itself ends the walk.
/// </summary>
internal sealed partial class SchemaComparer(ApiDocument before, ApiDocument after)
{
    // null while a component pair is being compared (a cycle returns nothing the second time round)
    private readonly Dictionary<(string, string, Direction), List<CompatFinding>?> _components = [];

    public List<CompatFinding> Compare(JsonNode? beforeSchema, JsonNode? afterSchema, string location, Direction direction)
    {
        var findings = new List<CompatFinding>();
        var was = SchemaView.Of(beforeSchema, before);
        var now = SchemaView.Of(afterSchema, after);
        Kinds(was, now, location, direction, findings);
        Nulls(was, now, location, direction, findings);
        Members(was, now, location, direction, findings);
        foreach (var (wasObject, nowObject) in Pairs(was, now, "object"))
        {
            findings.AddRange(Object(wasObject, nowObject, location, direction));
        }

        foreach (var (wasArray, nowArray) in Pairs(was, now, "array"))
        {
            var where = (wasArray.Component is not null && nowArray.Component is not null ? nowArray.Component : location) + "[]";
            findings.AddRange(Compare(wasArray.Schema["items"], nowArray.Schema["items"], where, direction));
        }

        return findings;
    }

    private List<CompatFinding> Object(SchemaAlternative was, SchemaAlternative now, string location, Direction direction)
    {
        if (was.Component is null || now.Component is null)
        {
            return Properties(was.Schema, now.Schema, location, direction);
        }

        var key = (was.Component, now.Component, direction);
        if (_components.TryGetValue(key, out var known))
        {
            return known ?? [];
        }

        _components[key] = null;
        var findings = Properties(was.Schema, now.Schema, now.Component, direction);
        _components[key] = findings;
        return findings;
    }

    private List<CompatFinding> Properties(JsonObject was, JsonObject now, string location, Direction direction)
    {
        var findings = new List<CompatFinding>();
        var wasProperties = was["properties"] as JsonObject ?? [];
        var nowProperties = now["properties"] as JsonObject ?? [];
        var wasRequired = Required(was);
        var nowRequired = Required(now);
        foreach (var (name, schema) in wasProperties)
        {
            var where = $"{location}.{name}";
            if (!nowProperties.TryGetPropertyValue(name, out var counterpart))
            {
                findings.Add(new CompatFinding(CompatRules.PropertyRemoved, where, "the property is gone"));
                continue;
            }

            if (Requirement(wasRequired.Contains(name), nowRequired.Contains(name), direction) is { } rule)
            {
                findings.Add(new CompatFinding(rule, where, nowRequired.Contains(name) ? "now required" : "no longer required"));
            }

            findings.AddRange(Compare(schema, counterpart, where, direction));
        }

        foreach (var (name, _) in nowProperties.Where(p => !wasProperties.ContainsKey(p.Key)))
        {
            var required = direction == Direction.Request && nowRequired.Contains(name);
            findings.Add(required
                ? new CompatFinding(CompatRules.RequestPropertyRequired, $"{location}.{name}", "new required property")
                : new CompatFinding(CompatRules.PropertyAdded, $"{location}.{name}", "new property"));
        }

        if (was["additionalProperties"] is JsonObject wasValues && now["additionalProperties"] is JsonObject nowValues)
        {
            findings.AddRange(Compare(wasValues, nowValues, location + "{}", direction));
        }

        return findings;
    }

    private static CompatRule? Requirement(bool was, bool now, Direction direction) => (direction, was, now) switch
    {
        (_, true, true) or (_, false, false) or (Direction.PatchTarget, _, _) => null,
        (Direction.Request, false, true) => CompatRules.RequestPropertyRequired,
        (Direction.Request, true, false) => CompatRules.RequestPropertyOptional,
        (Direction.Response, true, false) => CompatRules.ResponsePropertyOptional,
        _ => CompatRules.ResponsePropertyRequired,
    };

    private static HashSet<string> Required(JsonObject schema) =>
        (schema["required"] as JsonArray)?.Select(n => n?.ToString() ?? string.Empty).ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>The alternatives of one kind paired across the documents: by component name, then in order.</summary>
    private static List<(SchemaAlternative Was, SchemaAlternative Now)> Pairs(SchemaView was, SchemaView now, string kind)
    {
        var left = was.Alternatives.Where(a => a.Kind == kind).ToList();
        var right = now.Alternatives.Where(a => a.Kind == kind).ToList();
        var pairs = new List<(SchemaAlternative, SchemaAlternative)>();
        foreach (var alternative in left.ToList())
        {
            if (alternative.Component is not null && right.FirstOrDefault(r => r.Component == alternative.Component) is { } named)
            {
                pairs.Add((alternative, named));
                left.Remove(alternative);
                right.Remove(named);
            }
        }

        pairs.AddRange(left.Zip(right));
        return pairs;
    }
}
