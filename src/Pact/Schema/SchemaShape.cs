using ContractHarness.Contracts.Validation;

namespace ContractHarness.Pact.Schema;

/// <summary>
/// What matters of a schema for matching, after following <c>$ref</c>s and merging <c>oneOf</c>/<c>anyOf</c>/
/// <c>allOf</c> branches: the JSON types it allows, its format and pattern, and where its children's schemas are.
/// Read from the contract's one schema reader (<see cref="CompiledSchemas"/>), which the mock validates with too.
/// </summary>
internal sealed class SchemaShape
{
    private const int MaxDepth = 64;

    /// <summary>The types the branches name; <see cref="SchemaTypes.None"/> when none names any.</summary>
    public SchemaTypes Types { get; private set; }

    public string? Format { get; private set; }

    /// <summary>The schema's <c>pattern</c> (the contracts give date-times one instead of a format).</summary>
    public string? Pattern { get; private set; }

    public Dictionary<string, SchemaNode> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>The schema of values under other keys; null when absent or <c>false</c>.</summary>
    public SchemaNode? AdditionalProperties { get; private set; }

    public SchemaNode? Items { get; private set; }

    /// <summary>True for a map: values under arbitrary keys, no named properties.</summary>
    public bool IsMap => AdditionalProperties is not null && Properties.Count == 0;

    /// <summary>True for a whole number that is not also allowed to be any number.</summary>
    public bool IsInteger => (Types & SchemaTypes.Integer) != 0 && (Types & SchemaTypes.Number) == 0;

    public static SchemaShape Of(SchemaNode schema)
    {
        var shape = new SchemaShape();
        shape.Collect(schema, depth: 0);
        return shape;
    }

    private void Collect(SchemaNode schema, int depth)
    {
        var node = schema;
        for (var hops = 0; !ReferenceEquals(node.Resolved, node); hops++)
        {
            node = hops < MaxDepth ? node.Resolved : throw new InvalidOperationException($"Schema references nest deeper than {MaxDepth} levels.");
        }

        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"Schema branches nest deeper than {MaxDepth} levels.");
        }

        if (node.Types != SchemaTypes.Any)
        {
            Types |= node.Types; // an absent `type` says nothing about the value
        }

        Format ??= node.Format;
        Pattern ??= node.Pattern;
        foreach (var (name, property) in node.Properties)
        {
            Properties.TryAdd(name, property);
        }

        AdditionalProperties ??= node.AdditionalProperties;
        Items ??= node.Items;
        foreach (var branch in node.OneOf.Concat(node.AnyOf).Concat(node.AllOf))
        {
            Collect(branch, depth + 1);
        }
    }
}
