using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Validation;

/// <summary>
/// Walks a <see cref="JsonNode"/> against a <see cref="SchemaNode"/>. A first pass only answers valid or not and
/// allocates almost nothing (the common case on the mock's hot path); only an invalid value is walked again to
/// collect errors with JSON Pointer paths and readable messages.
/// </summary>
internal sealed partial class SchemaValidator
{
    private readonly List<(string? Name, int Index)>? _path; // kept only while errors are collected
    private readonly List<SchemaError>? _errors;

    private SchemaValidator(List<SchemaError>? errors) => (_errors, _path) = (errors, errors is null ? null : []);

    public static IReadOnlyList<SchemaError> Validate(SchemaNode schema, JsonNode? value, string? propertyName)
    {
        if (new SchemaValidator(null).Check(schema, value))
        {
            return [];
        }

        var errors = new List<SchemaError>();
        var validator = new SchemaValidator(errors);
        if (propertyName is not null)
        {
            validator._path!.Add((propertyName, -1));
        }

        validator.Check(schema, value);
        return errors;
    }

    private bool Check(SchemaNode schema, JsonNode? value)
    {
        var node = schema.Resolved;
        var kind = KindOf(value);
        if ((node.Types & kind) == 0)
        {
            return Fail("TypeMismatch", $"expected {Describe(node.Types)} but found {Name(kind)}.");
        }

        var valid = CheckFormat(node, value, kind);
        if (node.Enum is { } allowed && !IsMember(allowed, value))
        {
            valid = Fail("NotInEnumeration", $"{value?.ToJsonString() ?? "null"} is not one of {string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"))}.");
        }

        if (value is JsonObject obj)
        {
            valid &= CheckObject(node, obj);
        }
        else if (value is JsonArray array && node.Items is { } items)
        {
            for (var i = 0; i < array.Count && (valid || _errors is not null); i++)
            {
                _path?.Add((null, i));
                valid &= Check(items, array[i]);
                _path?.RemoveAt(_path.Count - 1);
            }
        }

        foreach (var part in node.AllOf)
        {
            valid &= Check(part, value);
        }

        if (node.OneOf.Count > 0)
        {
            valid &= CheckAlternatives(node.OneOf, value, exactlyOne: true);
        }

        if (node.AnyOf.Count > 0)
        {
            valid &= CheckAlternatives(node.AnyOf, value, exactlyOne: false);
        }

        return valid;
    }

    private bool CheckObject(SchemaNode node, JsonObject obj)
    {
        var valid = true;
        foreach (var required in node.Required)
        {
            if (!obj.ContainsKey(required))
            {
                valid = Fail("PropertyRequired", $"the required property '{required}' is missing.");
            }
        }

        foreach (var (name, member) in obj)
        {
            if (!valid && _errors is null)
            {
                return false;
            }

            _path?.Add((name, -1));
            if (node.Properties.Count > 0 && node.TryGetProperty(name, out var canonical, out var propertySchema)
                && string.Equals(canonical, name, StringComparison.Ordinal))
            {
                valid &= Check(propertySchema, member);
            }
            else if (!node.AllowsAdditionalProperties)
            {
                valid = Fail("NoAdditionalPropertiesAllowed", $"{node.Title ?? "The object"} has no property '{name}'.", bare: true);
            }
            else if (node.AdditionalProperties is { } additional)
            {
                valid &= Check(additional, member);
            }

            _path?.RemoveAt(_path.Count - 1);
        }

        return valid;
    }

    private bool CheckAlternatives(IReadOnlyList<SchemaNode> alternatives, JsonNode? value, bool exactlyOne)
    {
        var matches = 0;
        SchemaNode? reason = null;
        foreach (var alternative in alternatives)
        {
            if (new SchemaValidator(null).Check(alternative, value))
            {
                matches++;
            }
            else if (alternative.Resolved.Types != SchemaTypes.Null)
            {
                reason ??= alternative; // the "null expected" branch is never the reason
            }
        }

        if (matches == 0)
        {
            return reason is not null && _errors is not null ? Check(reason, value) : Fail("NotAnyOf", "the value matches none of the allowed schemas.");
        }

        return !exactlyOne || matches == 1 || Fail("NotOneOf", "the value matches more than one of the allowed schemas.");
    }

    private bool CheckFormat(SchemaNode node, JsonNode? value, SchemaTypes kind)
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
            return Fail("FormatMismatch", $"the value is not a valid {node.Format}.");
        }

        return node.Pattern is null || kind != SchemaTypes.String || MatchesPattern(node, value!.GetValue<string>())
            || Fail("PatternMismatch", node.Pattern == DateTimeRule.Pattern
                ? "the value is not a date-time as the API writes it (yyyy-MM-ddTHH:mm:ss, no offset)."
                : $"the value does not match the pattern {node.Pattern}.");
    }

    private static bool IsMember(IReadOnlyList<JsonNode?> allowed, JsonNode? value)
    {
        foreach (var member in allowed)
        {
            if (JsonNode.DeepEquals(member, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesPattern(SchemaNode node, string text) =>
        node.PatternRegex?.IsMatch(text) ?? DateTimeRule.IsValid(text);

    /// <summary>Records an error (when collecting) and returns false.</summary>
    private bool Fail(string kind, string detail, bool bare = false)
    {
        if (_errors is not null)
        {
            var path = PathText();
            _errors.Add(new SchemaError(path, kind, bare ? detail : $"{path}: {detail}"));
        }

        return false;
    }

    private string PathText()
    {
        if (_path is not { Count: > 0 } path)
        {
            return "/";
        }

        var text = new StringBuilder();
        foreach (var (name, index) in path)
        {
            text.Append('/').Append(name ?? index.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
