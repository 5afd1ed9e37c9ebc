using System.Text.Json.Nodes;

namespace ContractHarness.Pact.Schema;

/// <summary>
/// Loads JSON Schema files (draft-07 as generated into <c>contracts/schemas/</c>) and reduces a schema to a
/// <see cref="SchemaShape"/>. Copes with <c>type</c> as a string or an array, <c>$ref</c> to a sibling file
/// (<c>Associate.schema.json</c>), to a pointer (<c>#/definitions/X</c>) or both, <c>oneOf</c>/<c>anyOf</c>
/// (a <c>null</c> branch plus a <c>$ref</c>), <c>allOf</c>, <c>items</c>, <c>additionalProperties</c> as a bool or a
/// schema, <c>format</c> and <c>pattern</c>.
/// </summary>
internal sealed class SchemaResolver
{
    private const int MaxDepth = 64;
    private readonly Dictionary<string, JsonNode?> documents = new(StringComparer.Ordinal);

    public SchemaNode Load(string file)
    {
        var full = Path.GetFullPath(file);
        return new SchemaNode(Document(full, referrer: null), full);
    }

    public SchemaShape Shape(SchemaNode schema)
    {
        var shape = new SchemaShape();
        Collect(schema, shape, depth: 0);
        return shape;
    }

    private void Collect(SchemaNode schema, SchemaShape shape, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"Schema references nest deeper than {MaxDepth} levels in {schema.File}.");
        }

        if (schema.Node is not JsonObject node)
        {
            return; // `true`, `{}` or absent: anything goes, nothing to learn.
        }

        if (node["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
        {
            Collect(Follow(schema, target), shape, depth + 1); // draft-07: siblings of $ref are ignored.
            return;
        }

        AddTypes(node["type"], shape);
        if (node["format"] is JsonValue format && format.TryGetValue<string>(out var formatText))
        {
            shape.Format ??= formatText;
        }

        if (node["pattern"] is JsonValue pattern && pattern.TryGetValue<string>(out var patternText))
        {
            shape.Pattern ??= patternText;
        }

        if (node["properties"] is JsonObject properties)
        {
            shape.Types.Add("object");
            foreach (var (name, property) in properties)
            {
                shape.Properties.TryAdd(name, schema with { Node = property });
            }
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            shape.AdditionalProperties ??= schema with { Node = additional };
        }

        if (node["items"] is JsonObject items)
        {
            shape.Items ??= schema with { Node = items };
        }

        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            foreach (var branch in (node[keyword] as JsonArray) ?? [])
            {
                Collect(schema with { Node = branch }, shape, depth + 1);
            }
        }
    }

    private static void AddTypes(JsonNode? type, SchemaShape shape)
    {
        switch (type)
        {
            case JsonValue single when single.TryGetValue<string>(out var name):
                shape.Types.Add(name);
                break;
            case JsonArray many:
                foreach (var item in many)
                {
                    if (item is JsonValue value && value.TryGetValue<string>(out var itemName))
                    {
                        shape.Types.Add(itemName);
                    }
                }

                break;
        }
    }

    private SchemaNode Follow(SchemaNode from, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        var file = filePart.Length == 0
            ? from.File
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from.File) ?? ".", Uri.UnescapeDataString(filePart)));
        var document = Document(file, from.File);
        return new SchemaNode(Pointer(document, pointer, reference, from.File), file);
    }

    private JsonNode? Document(string file, string? referrer)
    {
        if (documents.TryGetValue(file, out var cached))
        {
            return cached;
        }

        if (!File.Exists(file))
        {
            var by = referrer is null ? string.Empty : $" (referenced from {referrer})";
            throw new FileNotFoundException($"JSON Schema file not found: {file}{by}.", file);
        }

        var document = JsonNode.Parse(File.ReadAllText(file));
        documents[file] = document;
        return document;
    }

    private static JsonNode? Pointer(JsonNode? document, string pointer, string reference, string referrer)
    {
        var node = document;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when int.TryParse(segment, out var index) && index >= 0 && index < a.Count => a[index],
                _ => throw new InvalidOperationException($"Schema reference '{reference}' in {referrer} points nowhere."),
            };
        }

        return node;
    }
}
