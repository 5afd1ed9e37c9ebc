using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator;

/// <summary>
/// A description of the API as a user downloads it from SuperOffice: Swagger 2.0 (<c>definitions</c>,
/// <c>responses.200.schema</c>) or OpenAPI 3 (<c>components.schemas</c>, <c>responses.200.content.*.schema</c>).
/// </summary>
internal sealed class VendorDocument
{
    private readonly JsonObject _paths;
    private readonly JsonObject _definitions;
    private readonly string _refPrefix;

    private VendorDocument(string dialect, JsonObject paths, JsonObject definitions, string refPrefix)
    {
        Dialect = dialect;
        _paths = paths;
        _definitions = definitions;
        _refPrefix = refPrefix;
    }

    /// <summary><c>Swagger 2.0</c> or <c>OpenAPI 3.x</c>.</summary>
    public string Dialect { get; }

    public static VendorDocument Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: not a JSON object.");
        var paths = root["paths"] as JsonObject ?? throw new InvalidDataException($"{path}: no 'paths' object.");
        if (root["swagger"]?.GetValue<string>() is { } swagger)
        {
            return new VendorDocument($"Swagger {swagger}", paths, root["definitions"] as JsonObject ?? [], "#/definitions/");
        }

        if (root["openapi"]?.GetValue<string>() is { } openapi)
        {
            return new VendorDocument($"OpenAPI {openapi}", paths, root["components"]?["schemas"] as JsonObject ?? [], "#/components/schemas/");
        }

        throw new InvalidDataException($"{path}: neither Swagger 2.0 ('swagger') nor OpenAPI 3 ('openapi').");
    }

    /// <summary>The name of the definition a <c>$ref</c> points to.</summary>
    public string RefName(string target) => target.StartsWith(_refPrefix, StringComparison.Ordinal) ? target[_refPrefix.Length..] : target;

    /// <summary>The definition named <paramref name="name"/>, or null.</summary>
    public JsonObject? Definition(string name) => _definitions[name] as JsonObject;

    /// <summary>
    /// The definition a 200 answer of <paramref name="route"/> names (matched ignoring case), preferring
    /// <paramref name="method"/>, then GET; null when the document has no such operation.
    /// </summary>
    public string? EntityOf(string route, string method)
    {
        var item = _paths.FirstOrDefault(p => string.Equals(p.Key, route, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        if (item is null)
        {
            return null;
        }

        foreach (var verb in new[] { method.ToLowerInvariant(), "get" }.Concat(item.Select(p => p.Key)))
        {
            var ok = item[verb]?["responses"]?["200"];
            var schema = ok?["schema"] ?? (ok?["content"] as JsonObject)?.Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);
            if (schema?["$ref"]?.GetValue<string>() is { } target)
            {
                return RefName(target);
            }
        }

        return null;
    }
}
