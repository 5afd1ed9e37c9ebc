using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractHarness.Contracts.Validation;

/// <summary>
/// The one rule for date-times: the real API writes them without an offset (<c>2022-09-28T18:18:10</c>; created and
/// updated stamps in UTC; <c>0001-01-01T00:00:00</c> for no date), with an optional fraction of a second. The schemas
/// say so with a <c>pattern</c>, not <c>format: date-time</c> (RFC 3339 requires an offset, so a validator with formats
/// on would reject every real answer). Requests may carry an offset: the value is converted to UTC and its offset
/// dropped (<see cref="Normalize(SchemaNode, JsonNode?)"/>), so what is stored and answered keeps the rule.
/// </summary>
internal static partial class DateTimeRule
{
    /// <summary>The schema pattern of a date-time: seconds, an optional fraction of up to 7 digits, no offset.</summary>
    public const string Pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?$";

    private static readonly string[] WrittenFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>The schema of a date-time property: a string in the rule's form.</summary>
    public static JsonObject Schema() => new() { ["type"] = "string", ["pattern"] = Pattern };

    /// <summary>True when <paramref name="text"/> is written by the rule (no offset).</summary>
    public static bool IsMatch(string text) => Written().IsMatch(text);

    /// <summary>
    /// True when <paramref name="text"/> is written by the rule and names a real date and time: the mock's validator
    /// checks this (stricter than the pattern alone, which lets <c>2024-13-45T25:00:00</c> through).
    /// </summary>
    public static bool IsValid(string text) =>
        IsMatch(text) && DateTime.TryParseExact(text, WrittenFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// The rule's form of a date-time that carries an offset (<c>Z</c> or <c>±hh:mm</c>): the same instant in UTC, without
    /// the offset, keeping any fraction. Null when <paramref name="text"/> has no offset or is no date-time at all.
    /// </summary>
    public static string? ToRule(string text)
    {
        if (text.Length <= 19 || IsMatch(text) || !DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return null;
        }

        return instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Rewrites, in place, every date-time with an offset inside <paramref name="value"/> that <paramref name="schema"/>
    /// types as a date-time; returns the value to store (a new node when <paramref name="value"/> itself was rewritten).
    /// </summary>
    public static JsonNode? Normalize(SchemaNode schema, JsonNode? value)
    {
        var node = schema.ValueSchema;
        switch (value)
        {
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var (name, member) = obj.GetAt(i);
                    var child = node.TryGetProperty(name, out _, out var property) ? property : node.AdditionalProperties;
                    if (child is not null && Normalize(child, member) is var normalized && !ReferenceEquals(normalized, member))
                    {
                        obj.SetAt(i, normalized);
                    }
                }

                return obj;
            case JsonArray array when node.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Normalize(items, array[i]) is var normalized && !ReferenceEquals(normalized, array[i]))
                    {
                        array[i] = normalized;
                    }
                }

                return array;
            case JsonValue scalar when node.IsDateTime && scalar.TryGetValue<string>(out var text) && ToRule(text) is { } rule:
                return JsonValue.Create(rule);
            default:
                return value;
        }
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Written();
}
