using ContractHarness.Contracts.Catalog;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Validation;

/// <summary>
/// The one reader of the contract's JSON Schemas: the files of <c>contracts/schemas</c> compiled into
/// <see cref="SchemaNode"/> trees. The mock validates every update with them (without re-parsing), and the Pact side's
/// <c>SchemaMatchers</c> read the same trees to choose a matcher per field.
/// Supports the draft-07 keywords the generator writes (<c>type</c>, <c>format</c>, <c>properties</c>,
/// <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>oneOf</c>, <c>anyOf</c>, <c>allOf</c>,
/// <c>enum</c>, <c>const</c>, <c>pattern</c>, <c>$ref</c>s to sibling files and to pointers such as
/// <c>#/definitions/X</c>) and rejects any other validation keyword when compiling, so a schema it cannot check fully
/// fails loudly instead of passing silently. The tests keep NJsonSchema as a reference validator; this one is never
/// more lenient for the keywords it accepts.
/// </summary>
public sealed class CompiledSchemas
{
    private const string Extension = ".schema.json";

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated",
        "definitions", "$defs", // compiled only where a $ref points into them
    };

    private readonly string _directory;
    private readonly ContractFiles _files;
    private readonly bool _ignoreUnknownKeywords;
    private readonly ConcurrentDictionary<string, Lazy<JsonObject>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SchemaNode>> _roots = new(StringComparer.Ordinal);

    public CompiledSchemas(string schemasDirectory)
        : this(schemasDirectory, ignoreUnknownKeywords: false)
    {
    }

    /// <summary>The schemas of a contract set's <c>schemas/</c> folder, read from <paramref name="files"/> (a folder or the embedded copy).</summary>
    public CompiledSchemas(ContractFiles files)
        : this(files, (files ?? throw new ArgumentNullException(nameof(files))).PathOf("schemas"), ignoreUnknownKeywords: false)
    {
    }

    /// <param name="schemasDirectory">The folder of the <c>*.schema.json</c> files.</param>
    /// <param name="ignoreUnknownKeywords">
    /// True to skip keywords the validator cannot check instead of refusing the schema: for readers that only look at
    /// a schema's shape (types, formats, properties), never for validation.
    /// </param>
    internal CompiledSchemas(string schemasDirectory, bool ignoreUnknownKeywords)
        : this(ContractFiles.Folder(schemasDirectory), schemasDirectory, ignoreUnknownKeywords)
    {
    }

    private CompiledSchemas(ContractFiles files, string schemasDirectory, bool ignoreUnknownKeywords)
    {
        _files = files;
        _directory = Path.GetFullPath(schemasDirectory);
        _ignoreUnknownKeywords = ignoreUnknownKeywords;
    }

    /// <summary>The compiled schema of <c>{name}.schema.json</c>.</summary>
    /// <exception cref="FileNotFoundException">No such schema.</exception>
    /// <exception cref="NotSupportedException">The schema uses a validation keyword this compiler does not support.</exception>
    public SchemaNode Get(string name) => Node(Path.Combine(_directory, name + Extension), pointer: string.Empty, referrer: null);

    /// <summary>The compiled schema of a file (any name; <c>$ref</c>s resolve relative to its folder).</summary>
    internal static SchemaNode ReadFile(string path, bool ignoreUnknownKeywords)
    {
        var full = Path.GetFullPath(path);
        return new CompiledSchemas(Path.GetDirectoryName(full)!, ignoreUnknownKeywords).Node(full, string.Empty, referrer: null);
    }

    private SchemaNode Node(string file, string pointer, string? referrer) =>
        _roots.GetOrAdd(file + "#" + pointer, _ => new Lazy<SchemaNode>(() =>
        {
            var json = Pointer(Document(file, referrer), pointer, file);
            var root = new SchemaNode();
            Compile(json, root, file);
            return root;
        })).Value;

    private JsonObject Document(string file, string? referrer)
    {
        if (!_files.Exists(file))
        {
            var name = Path.GetFileName(file);
            throw new FileNotFoundException(name.EndsWith(Extension, StringComparison.Ordinal) && referrer is null
                ? $"No schema '{name[..^Extension.Length]}' in {Path.GetDirectoryName(file)}."
                : $"No schema file {name} in {Path.GetDirectoryName(file)}{(referrer is null ? string.Empty : $" (referenced from {referrer})")}.", file);
        }

        return _documents.GetOrAdd(file, f => new Lazy<JsonObject>(() => JsonNode.Parse(_files.ReadAllBytes(f)) as JsonObject
            ?? throw new InvalidDataException($"{f} is not a JSON object."))).Value;
    }

    /// <summary>The part of a document a JSON Pointer (<c>/definitions/X</c>) names.</summary>
    private static JsonObject Pointer(JsonObject document, string pointer, string file)
    {
        JsonNode? node = document;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node as JsonObject ?? throw new InvalidDataException($"{Path.GetFileName(file)}: the reference '#{pointer}' points to no schema object.");
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
                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    var filePart = hash < 0 ? target : target[..hash];
                    var pointer = hash < 0 ? string.Empty : target[(hash + 1)..];
                    var refFile = filePart.Length == 0 ? file
                        : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(filePart)));
                    node.RefResolver = () => Node(refFile, pointer, referrer: Path.GetFileName(file));
                    break;
                default:
                    if (!Annotations.Contains(keyword) && !_ignoreUnknownKeywords)
                    {
                        throw new NotSupportedException($"{Path.GetFileName(file)}: the schema keyword '{keyword}' is not supported by {nameof(CompiledSchemas)}.");
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
                var other => throw new NotSupportedException($"{Path.GetFileName(file)}: unknown type '{other}'."),
            };
        }

        return types;
    }
}
