using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Validation;

/// <summary>
/// One compiled JSON Schema (draft-07 subset the generator writes), with <c>$ref</c>s resolved to shared nodes.
/// Immutable once compiled; safe to use from many threads. Validate with <see cref="Validate(System.Text.Json.Nodes.JsonNode?)"/>.
/// </summary>
public sealed class SchemaNode
{
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ignoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, SchemaNode>> _properties = [];
    private SchemaNode? _ref;
    private string? _title;
    private SchemaNode? _valueSchema;
    private bool? _allowsNull;

    internal SchemaNode()
    {
    }

    /// <summary>The schema's <c>title</c>, or for a <c>$ref</c> node the title of the schema it points to.</summary>
    public string? Title
    {
        get => _title ?? Ref?.Title;
        internal set => _title = value;
    }

    /// <summary>The node a <c>$ref</c> resolves to (this node itself when it is no reference).</summary>
    public SchemaNode Resolved => Ref ?? this;

    internal SchemaNode? Ref => _ref ??= RefResolver?.Invoke();

    /// <summary>Resolves a <c>$ref</c> on first use, so schemas that refer to each other compile.</summary>
    internal Func<SchemaNode>? RefResolver { get; set; }

    /// <summary>The allowed JSON types.</summary>
    public SchemaTypes Types { get; internal set; } = SchemaTypes.Any;

    /// <summary>The <c>format</c> keyword (<c>int32</c>, <c>double</c>, <c>date-time</c>, ...), or null.</summary>
    public string? Format { get; internal set; }

    /// <summary>The <c>pattern</c> keyword, or null.</summary>
    public string? Pattern { get; internal set; }

    /// <summary>True for a date-time: the <see cref="DateTimeRule"/> pattern (or, in other schema sets, <c>format: date-time</c>).</summary>
    public bool IsDateTime => Pattern == DateTimeRule.Pattern || Format == "date-time";

    internal System.Text.RegularExpressions.Regex? PatternRegex { get; set; }

    /// <summary>The declared properties, in schema order.</summary>
    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties => _properties;

    /// <summary>Names listed under <c>required</c>.</summary>
    public IReadOnlySet<string> Required { get; internal set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>False when <c>additionalProperties</c> is <c>false</c>.</summary>
    public bool AllowsAdditionalProperties { get; internal set; } = true;

    /// <summary>The schema of additional properties (maps such as <c>CustomFields</c>), or null for any value.</summary>
    public SchemaNode? AdditionalProperties { get; internal set; }

    /// <summary>The schema of array items, or null for any item.</summary>
    public SchemaNode? Items { get; internal set; }

    /// <summary><c>oneOf</c> alternatives, or empty.</summary>
    public IReadOnlyList<SchemaNode> OneOf { get; internal set; } = [];

    /// <summary><c>anyOf</c> alternatives, or empty.</summary>
    public IReadOnlyList<SchemaNode> AnyOf { get; internal set; } = [];

    /// <summary><c>allOf</c> parts, or empty.</summary>
    public IReadOnlyList<SchemaNode> AllOf { get; internal set; } = [];

    /// <summary>The <c>enum</c> values, or null.</summary>
    public IReadOnlyList<JsonNode?>? Enum { get; internal set; }

    /// <summary>
    /// The schema with references and <c>oneOf [null, X]</c> wrappers looked through: the object/array/scalar schema a
    /// non-null value must satisfy. Used to navigate nested properties (<c>Category/Id</c>).
    /// </summary>
    public SchemaNode ValueSchema => _valueSchema ??= FindValueSchema();

    /// <summary>True when <c>null</c> is a valid value.</summary>
    public bool AllowsNull => _allowsNull ??= FindAllowsNull();

    private SchemaNode FindValueSchema()
    {
        var node = Resolved;
        var alternatives = node.OneOf.Count > 0 ? node.OneOf : node.AnyOf;
        var nonNull = alternatives.Where(a => a.Resolved.Types != SchemaTypes.Null).ToList();
        return nonNull.Count == 1 ? nonNull[0].ValueSchema : node;
    }

    private bool FindAllowsNull()
    {
        var node = Resolved;
        if (node.OneOf.Count > 0)
        {
            return node.OneOf.Any(a => a.AllowsNull);
        }

        return node.AnyOf.Count > 0 ? node.AnyOf.Any(a => a.AllowsNull) : (node.Types & SchemaTypes.Null) != 0;
    }

    /// <summary>Finds a declared property: exact-case name first, then ignoring case.</summary>
    public bool TryGetProperty(string name, out string canonicalName, out SchemaNode schema)
    {
        if (_exact.TryGetValue(name, out var index) || _ignoreCase.TryGetValue(name, out index))
        {
            (canonicalName, schema) = (_properties[index].Key, _properties[index].Value);
            return true;
        }

        (canonicalName, schema) = (name, null!);
        return false;
    }

    /// <summary>Validates a value; an empty list means valid. Paths are JSON Pointers (<c>/Emails/0/Value</c>).</summary>
    public IReadOnlyList<SchemaError> Validate(JsonNode? value) => SchemaValidator.Validate(this, value, null);

    /// <summary>Validates a value found at <paramref name="propertyName"/> of an object; paths start with <c>/propertyName</c>.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonNode? value, string propertyName) => SchemaValidator.Validate(this, value, propertyName);

    internal void AddProperty(string name, SchemaNode schema)
    {
        _exact[name] = _properties.Count;
        _ignoreCase.TryAdd(name, _properties.Count);
        _properties.Add(new(name, schema));
    }
}
