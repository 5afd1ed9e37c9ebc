using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Validation;

/// <summary>Walks a <see cref="JsonNode"/> against a <see cref="SchemaNode"/>, collecting errors with JSON Pointer paths.</summary>
internal static class SchemaValidator
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static void Validate(SchemaNode schema, JsonNode? value, string path, List<SchemaError> errors)
    {
        var node = schema.Resolved;
        var kind = KindOf(value);
        if ((node.Types & kind) == 0)
        {
            errors.Add(new SchemaError(Shown(path), "TypeMismatch", $"{Shown(path)}: expected {Describe(node.Types)} but found {Name(kind)}."));
            return;
        }

        CheckFormat(node, value, kind, path, errors);
        if (node.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(new SchemaError(Shown(path), "NotInEnumeration", $"{Shown(path)}: the value is not one of the allowed values."));
        }

        if (value is JsonObject obj)
        {
            ValidateObject(node, obj, path, errors);
        }
        else if (value is JsonArray array && node.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(items, array[i], path + "/" + i.ToString(CultureInfo.InvariantCulture), errors);
            }
        }

        foreach (var part in node.AllOf)
        {
            Validate(part, value, path, errors);
        }

        if (node.OneOf.Count > 0)
        {
            CheckAlternatives(node.OneOf, value, path, errors, exactlyOne: true);
        }

        if (node.AnyOf.Count > 0)
        {
            CheckAlternatives(node.AnyOf, value, path, errors, exactlyOne: false);
        }
    }

    private static void ValidateObject(SchemaNode node, JsonObject obj, string path, List<SchemaError> errors)
    {
        foreach (var required in node.Required)
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add(new SchemaError(Shown(path + "/" + required), "PropertyRequired", $"{Shown(path)}: the required property '{required}' is missing."));
            }
        }

        foreach (var (name, member) in obj)
        {
            var memberPath = path + "/" + name;
            if (node.Properties.Count > 0 && TryExact(node, name, out var propertySchema))
            {
                Validate(propertySchema, member, memberPath, errors);
            }
            else if (!node.AllowsAdditionalProperties)
            {
                var owner = node.Title ?? "The object";
                errors.Add(new SchemaError(Shown(memberPath), "NoAdditionalPropertiesAllowed", $"{owner} has no property '{name}'."));
            }
            else if (node.AdditionalProperties is { } additional)
            {
                Validate(additional, member, memberPath, errors);
            }
        }
    }

    private static bool TryExact(SchemaNode node, string name, out SchemaNode schema) =>
        node.TryGetProperty(name, out var canonical, out schema) && string.Equals(canonical, name, StringComparison.Ordinal);

    private static void CheckAlternatives(IReadOnlyList<SchemaNode> alternatives, JsonNode? value, string path, List<SchemaError> errors, bool exactlyOne)
    {
        List<SchemaError>? best = null;
        var matches = 0;
        foreach (var alternative in alternatives)
        {
            var branch = new List<SchemaError>();
            Validate(alternative, value, path, branch);
            if (branch.Count == 0)
            {
                matches++;
            }
            else if (alternative.Resolved.Types != SchemaTypes.Null && (best is null || branch.Count < best.Count))
            {
                best = branch; // the "null expected" branch is never the reason
            }
        }

        if (matches == 0)
        {
            errors.AddRange(best ?? [new SchemaError(Shown(path), "NotAnyOf", $"{Shown(path)}: the value matches none of the allowed schemas.")]);
        }
        else if (exactlyOne && matches > 1)
        {
            errors.Add(new SchemaError(Shown(path), "NotOneOf", $"{Shown(path)}: the value matches more than one of the allowed schemas."));
        }
    }

    private static void CheckFormat(SchemaNode node, JsonNode? value, SchemaTypes kind, string path, List<SchemaError> errors)
    {
        var ok = node.Format switch
        {
            "int32" when kind == SchemaTypes.Integer => value!.AsValue().TryGetValue<int>(out _),
            "int64" when kind == SchemaTypes.Integer => value!.AsValue().TryGetValue<long>(out _),
            "date-time" when kind == SchemaTypes.String => IsDateTime(value!.GetValue<string>()),
            _ => true,
        };
        if (!ok)
        {
            errors.Add(new SchemaError(Shown(path), "FormatMismatch", $"{Shown(path)}: the value is not a valid {node.Format}."));
        }
    }

    /// <summary>An ISO 8601 date-time with seconds, optional fraction and optional offset (<c>2020-04-22T15:51:25</c>).</summary>
    public static bool IsDateTime(string text) =>
        DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static SchemaTypes KindOf(JsonNode? value)
    {
        switch (value?.GetValueKind() ?? JsonValueKind.Null)
        {
            case JsonValueKind.Object: return SchemaTypes.Object;
            case JsonValueKind.Array: return SchemaTypes.Array;
            case JsonValueKind.String: return SchemaTypes.String;
            case JsonValueKind.True or JsonValueKind.False: return SchemaTypes.Boolean;
            case JsonValueKind.Number:
                var element = value!.AsValue().TryGetValue<JsonElement>(out var e) ? e.GetRawText() : value.ToJsonString();
                return element.AsSpan().IndexOfAny(".eE") < 0 ? SchemaTypes.Integer : SchemaTypes.Number;
            default: return SchemaTypes.Null;
        }
    }

    private static string Shown(string path) => path.Length == 0 ? "/" : path;

    private static string Name(SchemaTypes kind) => kind switch
    {
        SchemaTypes.Null => "null",
        SchemaTypes.Boolean => "a boolean",
        SchemaTypes.Integer => "an integer",
        SchemaTypes.Number => "a number",
        SchemaTypes.String => "a string",
        SchemaTypes.Array => "an array",
        _ => "an object",
    };

    private static string Describe(SchemaTypes types)
    {
        if ((types & SchemaTypes.Number) != 0)
        {
            types &= ~SchemaTypes.Integer;
        }

        var names = Enum.GetValues<SchemaTypes>().Where(t => t is not SchemaTypes.None and not SchemaTypes.Any && (types & t) == t).Select(Name);
        return string.Join(" or ", names);
    }
}
