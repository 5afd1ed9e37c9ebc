using System.Text.Json.Nodes;

namespace ContractHarness.Pact.Schema;

/// <summary>A schema (or sub-schema) and the file it lives in, which relative <c>$ref</c>s are resolved against.</summary>
internal sealed record SchemaNode(JsonNode? Node, string File);

/// <summary>
/// What matters of a schema for matching, after following <c>$ref</c>s and merging <c>oneOf</c>/<c>anyOf</c>/
/// <c>allOf</c> branches: the JSON types it allows, its format and pattern, and where its children's schemas are.
/// </summary>
internal sealed class SchemaShape
{
    public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

    public string? Format { get; set; }

    /// <summary>The schema's <c>pattern</c> (the contracts give date-times one instead of a format).</summary>
    public string? Pattern { get; set; }

    public Dictionary<string, SchemaNode> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>The schema of values under other keys; null when absent or <c>false</c>.</summary>
    public SchemaNode? AdditionalProperties { get; set; }

    public SchemaNode? Items { get; set; }

    /// <summary>True for a map: values under arbitrary keys, no named properties.</summary>
    public bool IsMap => AdditionalProperties is not null && Properties.Count == 0;

    public bool Allows(string type) => Types.Contains(type);
}
