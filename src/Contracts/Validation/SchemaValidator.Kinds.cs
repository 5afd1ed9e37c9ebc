using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Validation;

/// <summary>The JSON kinds of values and the formats the validator knows, and how errors name them.</summary>
internal sealed partial class SchemaValidator
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

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
                var number = value!.AsValue();
                var integral = number.TryGetValue<JsonElement>(out var element)
                    ? element.TryGetInt64(out _) || IsIntegralText(element)
                    : number.TryGetValue<long>(out _) || number.TryGetValue<int>(out _);
                return integral ? SchemaTypes.Integer : SchemaTypes.Number;
            default: return SchemaTypes.Null;
        }
    }

    /// <summary>An integer too large for <see cref="long"/>: digits only (no fraction or exponent).</summary>
    private static bool IsIntegralText(JsonElement element) => element.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

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
