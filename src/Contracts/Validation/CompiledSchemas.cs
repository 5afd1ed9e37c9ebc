using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Validation;

/// <summary>
/// The schemas of <c>contracts/schemas</c> compiled into <see cref="SchemaNode"/> trees for fast validation of
/// <see cref="JsonNode"/> values without re-parsing (the mock server validates every update with it).
/// Supports the draft-07 keywords the generator writes (<c>type</c>, <c>format</c>, <c>properties</c>,
/// <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>oneOf</c>, <c>anyOf</c>, <c>allOf</c>,
/// <c>enum</c>, <c>const</c>, <c>pattern</c>, file <c>$ref</c>s) and rejects any other validation keyword when compiling, so a
/// schema it cannot check fully fails loudly instead of passing silently. <see cref="ContractSchemas"/>
/// (NJsonSchema) stays the reference validator; this one is never more lenient for the keywords it accepts.
/// </summary>
public sealed class CompiledSchemas
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated",
    };

    private readonly string _directory;
    private readonly ConcurrentDictionary<string, Lazy<SchemaNode>> _roots = new(StringComparer.Ordinal);

    public CompiledSchemas(string schemasDirectory) => _directory = Path.GetFullPath(schemasDirectory);

    /// <summary>The compiled schema of <c>{name}.schema.json</c>.</summary>
    /// <exception cref="FileNotFoundException">No such schema.</exception>
    /// <exception cref="NotSupportedException">The schema uses a validation keyword this compiler does not support.</exception>
    public SchemaNode Get(string name) => _roots.GetOrAdd(name, n => new Lazy<SchemaNode>(() => Load(n))).Value;

    private SchemaNode Load(string name)
    {
        var path = Path.Combine(_directory, name + ".schema.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No schema '{name}' in {_directory}.", path);
        }

        var json = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a JSON object.");
        var root = new SchemaNode();
        Compile(json, root, name);
        return root;
    }

    private void Compile(JsonObject json, SchemaNode node, string file)
    {
        node.Title = json["title"]?.GetValue<string>();
        foreach (var (keyword, value) in json)
        {
            switch (keyword)
            {
                case "type":
                    node.Types = ParseTypes(value, file);
                    break;
                case "format":
                    node.Format = value?.GetValue<string>();
                    break;
                case "pattern":
                    node.Pattern = value!.GetValue<string>();
                    node.PatternRegex = node.Pattern == DateTimeRule.Pattern ? null
                        : new System.Text.RegularExpressions.Regex(node.Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
                    break;
                case "properties":
                    foreach (var (name, property) in value!.AsObject())
                    {
                        node.AddProperty(name, Child(property, file));
                    }

                    break;
                case "required":
                    node.Required = new HashSet<string>(value!.AsArray().Select(v => v!.GetValue<string>()), StringComparer.Ordinal);
                    break;
                case "additionalProperties":
                    if (value is JsonValue flag && flag.TryGetValue<bool>(out var allowed))
                    {
                        node.AllowsAdditionalProperties = allowed;
                    }
                    else
                    {
                        node.AdditionalProperties = Child(value, file);
                    }

                    break;
                case "items":
                    node.Items = Child(value, file);
                    break;
                case "oneOf":
                    node.OneOf = [.. value!.AsArray().Select(v => Child(v, file))];
                    break;
                case "anyOf":
                    node.AnyOf = [.. value!.AsArray().Select(v => Child(v, file))];
                    break;
                case "allOf":
                    node.AllOf = [.. value!.AsArray().Select(v => Child(v, file))];
                    break;
                case "enum":
                    node.Enum = [.. value!.AsArray().Select(v => v?.DeepClone())];
                    break;
                case "const":
                    node.Enum = [value?.DeepClone()];
                    break;
                case "$ref":
                    var target = value!.GetValue<string>();
                    if (target.StartsWith('#') || !target.EndsWith(".schema.json", StringComparison.Ordinal))
                    {
                        throw new NotSupportedException($"{file}: only file references (X.schema.json) are supported, not '{target}'.");
                    }

                    var refName = target[..^".schema.json".Length];
                    node.RefName = refName;
                    node.RefResolver = () => Get(refName);
                    break;
                default:
                    if (!Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"{file}: the schema keyword '{keyword}' is not supported by {nameof(CompiledSchemas)}.");
                    }

                    break;
            }
        }
    }

    private SchemaNode Child(JsonNode? json, string file)
    {
        var child = new SchemaNode();
        if (json is JsonObject obj)
        {
            Compile(obj, child, file);
        }
        else if (json is JsonValue v && v.TryGetValue<bool>(out var b) && !b)
        {
            child.Types = SchemaTypes.None;
        }

        return child;
    }

    private static SchemaTypes ParseTypes(JsonNode? value, string file)
    {
        var names = value is JsonArray array ? array.ToList() : new List<JsonNode?> { value };
        var types = SchemaTypes.None;
        foreach (var name in names)
        {
            types |= name?.GetValue<string>() switch
            {
                "null" => SchemaTypes.Null,
                "boolean" => SchemaTypes.Boolean,
                "integer" => SchemaTypes.Integer,
                "number" => SchemaTypes.Number | SchemaTypes.Integer,
                "string" => SchemaTypes.String,
                "array" => SchemaTypes.Array,
                "object" => SchemaTypes.Object,
                var other => throw new NotSupportedException($"{file}: unknown type '{other}'."),
            };
        }

        return types;
    }
}
