using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextRegex = System.Text.RegularExpressions.Regex;
using ContractHarness.Contracts.Validation;
using ContractHarness.Pact.Matchers;

namespace ContractHarness.Pact.Schema;

/// <summary>Walks an example instance alongside its schema and emits integration JSON (see <see cref="SchemaMatchers"/>).</summary>
internal sealed class MatcherBodyBuilder(SchemaMatcherOptions options)
{
    private readonly Dictionary<string, object?> overrides = options.Overrides.ToDictionary(
        o => o.Key.StartsWith("$.", StringComparison.Ordinal) ? o.Key[2..] : o.Key,
        o => o.Value,
        StringComparer.Ordinal);

    public JsonNode? Build(JsonNode? example, SchemaNode? schema) => Node(example, schema, path: string.Empty);

    private JsonNode? Node(JsonNode? example, SchemaNode? schema, string path)
    {
        if (path.Length > 0 && overrides.TryGetValue(path, out var pinned))
        {
            return Pinned(pinned);
        }

        var shape = schema is null ? null : SchemaShape.Of(schema);
        return example switch
        {
            null => null,
            JsonObject value when shape is { IsMap: true } => Map(value, shape.AdditionalProperties!, path),
            JsonObject value => Object(value, shape, path),
            JsonArray value => Array(value, shape?.Items, path),
            JsonValue value => Primitive(value, shape),
            _ => example.DeepClone(),
        };
    }

    private JsonObject Object(JsonObject example, SchemaShape? shape, string path)
    {
        var result = new JsonObject();
        foreach (var (name, value) in example)
        {
            if ((options.IgnoredProperties.Contains(name) || (value is null && options.OmitNullProperties)) && !overrides.ContainsKey(Join(path, name)))
            {
                continue;
            }

            var child = shape?.Properties.GetValueOrDefault(name) ?? shape?.AdditionalProperties;
            result[name] = Node(value, child, Join(path, name));
        }

        return result;
    }

    private JsonNode Map(JsonObject example, SchemaNode valueSchema, string path)
    {
        if (example.Count == 0)
        {
            return Match.Type(new JsonObject()).ToJsonNode(); // any object; `values` needs an example value.
        }

        var values = new JsonObject();
        foreach (var (key, value) in example)
        {
            values[key] = Node(value, valueSchema, Join(path, "*"));
        }

        return Match.Values(values).ToJsonNode();
    }

    private JsonNode Array(JsonArray example, SchemaNode? itemSchema, string path)
    {
        var template = example.Count == 0 ? [] : new object?[] { Node(example[0], itemSchema, path + "[*]") };
        return Match.ArrayOf(template).ToJsonNode();
    }

    private JsonNode Primitive(JsonValue example, SchemaShape? shape)
    {
        switch (example.GetValueKind())
        {
            case JsonValueKind.String:
                var text = example.GetValue<string>();
                var regex = shape?.Pattern ?? shape?.Format switch
                {
                    "date-time" => options.DateTimeRegex,
                    "date" => SchemaMatchers.IsoDateRegex,
                    _ => null,
                };
                return regex is not null && TextRegex.IsMatch(text, regex) ? Match.Regex(text, regex).ToJsonNode() : Match.Type(text).ToJsonNode();
            case JsonValueKind.Number:
                var integral = long.TryParse(example.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole);
                return shape is not null && shape.IsInteger && integral
                    ? Match.Integer(whole).ToJsonNode()
                    : Number(example);
            default:
                return Match.Type(example.DeepClone()).ToJsonNode();
        }
    }

    private static JsonNode Number(JsonValue example) =>
        new Matcher("number", example.DeepClone()).ToJsonNode();

    private JsonNode? Pinned(object? value) => value switch
    {
        Matcher matcher => matcher.ToJsonNode(options.JsonOptions),
        JsonNode node => Match.Equality(node.DeepClone()).ToJsonNode(options.JsonOptions),
        _ => Match.Equality(value).ToJsonNode(options.JsonOptions),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
