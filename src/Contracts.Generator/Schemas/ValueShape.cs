using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>
/// What the samples show of one property: which JSON kinds it took, the shapes of its array items and map values,
/// and the objects found in it (to be named as carriers).
/// </summary>
internal sealed class ValueShape
{
    public bool Null { get; set; }
    public bool Boolean { get; set; }
    public bool Integer { get; set; }
    public bool Number { get; set; }
    public int Strings { get; set; }
    public int DateTimes { get; set; }
    public ValueShape? Items { get; set; }
    public ValueShape? MapValues { get; set; }
    public bool IsArray { get; set; }
    public bool IsMap { get; set; }
    public List<ObjectOccurrence> Objects { get; } = [];

    public bool SawAnything => Boolean || Integer || Number || Strings > 0 || IsArray || IsMap || Objects.Count > 0;
}

/// <summary>One JSON object seen in a sample at a property, before and after it is named as a carrier.</summary>
internal sealed class ObjectOccurrence(string property, string? typeCell, string? description, JsonObject value, string source)
{
    public string Source { get; } = source;
    public string Property { get; } = property;
    public string? TypeCell { get; } = typeCell;
    public string? Description { get; } = description;
    public JsonObject Value { get; } = value;
    public Dictionary<string, ValueShape> Members { get; } = new(StringComparer.Ordinal);
    public List<string> MemberOrder { get; } = [];
    public string? Name { get; set; }
    public string KeySignature { get; } = string.Join(",", value.Select(p => p.Key).Order(StringComparer.Ordinal));
}
