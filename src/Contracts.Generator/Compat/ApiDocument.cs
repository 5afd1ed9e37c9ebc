using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// An OpenAPI 3 document as <c>make compat</c> reads it: its operations (path and method) and local <c>$ref</c>s
/// (<c>#/components/...</c>) resolved by JSON Pointer.
/// </summary>
internal sealed class ApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly JsonObject _root;

    private ApiDocument(string name, JsonObject root)
    {
        Name = name;
        _root = root;
    }

    /// <summary>What the report calls the document (a file name, or a git ref).</summary>
    public string Name { get; }

    public string Version => _root["openapi"]?.GetValue<string>() ?? "?";

    /// <summary>The document's security requirements (operations without their own list have these).</summary>
    public JsonArray Security => _root["security"] as JsonArray ?? [];

    /// <summary>The security scheme named <paramref name="name"/> in <c>components.securitySchemes</c>, or null.</summary>
    public JsonObject? SecurityScheme(string name) => Resolve(_root["components"]?["securitySchemes"]?[name]) as JsonObject;

    public static ApiDocument Read(string path, string? name = null)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name ?? path}: not JSON ({e.Message})", e);
        }

        return Parse(node, name ?? path);
    }

    public static ApiDocument Parse(JsonNode? node, string name)
    {
        if (node is not JsonObject root || root["openapi"] is not JsonValue version || !version.ToString().StartsWith('3') || root["paths"] is not JsonObject)
        {
            throw new InvalidDataException($"{name}: not an OpenAPI 3 document (no \"openapi\": \"3.x\" and \"paths\").");
        }

        return new ApiDocument(name, root);
    }

    /// <summary>Every operation, in the document's order.</summary>
    public IEnumerable<ApiOperation> Operations()
    {
        foreach (var (path, item) in (JsonObject)_root["paths"]!)
        {
            if (Resolve(item) is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (Resolve(pathItem[method]) is JsonObject operation)
                {
                    var name = $"{method.ToUpperInvariant()} {path}";
                    yield return new ApiOperation($"{method.ToUpperInvariant()} {TemplateKey(path)}", name, method, pathItem, operation);
                }
            }
        }
    }

    /// <summary>The node a <c>$ref</c> points to (followed until it is no reference), or the node itself.</summary>
    public JsonNode? Resolve(JsonNode? node) => Resolve(node, out _);

    /// <summary>As <see cref="Resolve(JsonNode?)"/>; <paramref name="componentName"/> is the last segment of the first reference followed.</summary>
    public JsonNode? Resolve(JsonNode? node, out string? componentName)
    {
        componentName = null;
        for (var hops = 0; node is JsonObject obj && obj["$ref"] is JsonValue reference; hops++)
        {
            var target = reference.ToString();
            if (hops > 32 || !target.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{Name}: cannot follow $ref '{target}' (only references within the document are read).");
            }

            var segments = target[2..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            componentName ??= segments[^1];
            node = segments.Aggregate<string, JsonNode?>(_root, (current, segment) => current is JsonObject o ? o[segment] : null)
                ?? throw new InvalidDataException($"{Name}: $ref '{target}' points to nothing.");
        }

        return node;
    }

    /// <summary><c>/api/v1/Contact/{id}</c> and <c>/api/v1/Contact/{contactId}</c> name the same operation.</summary>
    private static string TemplateKey(string path)
    {
        var key = new System.Text.StringBuilder(path.Length);
        var inTemplate = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inTemplate = true;
                key.Append("{}");
            }
            else if (c == '}')
            {
                inTemplate = false;
            }
            else if (!inTemplate)
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}

/// <summary>
/// One operation: the key that pairs it across documents (<c>PATCH /api/v1/Contact/{}</c>: template names left out),
/// its name (<c>PATCH /api/v1/Contact/{id}</c>), its method in lower case, its path item and its operation object.
/// </summary>
internal sealed record ApiOperation(string Key, string Name, string Method, JsonObject PathItem, JsonObject Node);
