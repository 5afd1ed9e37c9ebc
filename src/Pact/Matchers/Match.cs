using System.Text.Json.Nodes;

namespace ContractHarness.Pact.Matchers;

/// <summary>
/// Factory for <see cref="Matcher"/>s, named as in PactNet. Each produces the engine's integration JSON, and each
/// example is what the mock server answers with (or expects, in a request).
/// </summary>
public static class Match
{
    /// <summary>Matches any value of the same JSON type as <paramref name="example"/>.</summary>
    public static Matcher Type(object? example) => new("type", example);

    /// <summary>An array of at least <paramref name="min"/> elements, each of the same type as <paramref name="example"/>.</summary>
    public static Matcher MinType(object? example, int min)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        return new("type", Repeat(example, Math.Max(min, 1)), Attributes(("min", min)));
    }

    /// <summary>An array of at most <paramref name="max"/> elements, each of the same type as <paramref name="example"/>.</summary>
    public static Matcher MaxType(object? example, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return new("type", Repeat(example, 1), Attributes(("max", max)));
    }

    /// <summary>Same as <see cref="MinType"/>: an array whose every element looks like <paramref name="example"/>.</summary>
    public static Matcher EachLike(object? example, int min = 1) => MinType(example, min);

    /// <summary>An array (possibly empty) whose every element looks like the first element of <paramref name="examples"/>.</summary>
    public static Matcher ArrayOf(IEnumerable<object?> examples) =>
        new("type", examples.Take(1).ToArray(), Attributes(("min", 0)));

    /// <summary>Any integer (no fraction).</summary>
    public static Matcher Integer(long example = 1) => new("integer", example);

    /// <summary>Any number with a fraction.</summary>
    public static Matcher Decimal(double example = 1.5) => new("decimal", example);

    /// <summary>Any number, integer or not.</summary>
    public static Matcher Number(double example) => new("number", example);

    /// <summary>Any number, integer or not.</summary>
    public static Matcher Number(long example) => new("number", example);

    /// <summary>Any boolean.</summary>
    public static Matcher Boolean(bool example = true) => new("boolean", example);

    /// <summary>A string matching <paramref name="regex"/> (the engine's Rust regex syntax).</summary>
    public static Matcher Regex(string example, string regex) => new("regex", example, Attributes(("regex", regex)));

    /// <summary>A date-time string in <paramref name="format"/> (Java DateTimeFormatter pattern, e.g. <c>yyyy-MM-dd'T'HH:mm:ss</c>).</summary>
    public static Matcher DateTime(string example, string format) => new("datetime", example, Attributes(("format", format)));

    /// <summary>A string that contains <paramref name="example"/>.</summary>
    public static Matcher Include(string example) => new("include", example);

    /// <summary>Exactly null.</summary>
    public static Matcher Null() => new("null", null);

    /// <summary>Exactly <paramref name="example"/>, even where an enclosing matcher would match by type.</summary>
    public static Matcher Equality(object? example) => new("equality", example);

    /// <summary>An object whose keys may differ from the example's; each value is matched against the example values.</summary>
    public static Matcher Values(object? example) => new("values", example);

    /// <summary>
    /// A value the provider computes from its provider-state parameters during verification, e.g.
    /// <c>FromProviderState("/api/v1/Contact/${id}", "/api/v1/Contact/66")</c>; <paramref name="example"/> is what the
    /// mock uses, and the value is matched by type. The verifier takes <c>${id}</c> from the JSON object the provider's
    /// state endpoint answers, else from the state's parameters (<c>Given("Contact exists", new { id = 66 })</c>).
    /// </summary>
    public static Matcher FromProviderState(string expression, object? example) =>
        new("type", example, Attributes(("pact:generator:type", "ProviderState"), ("expression", expression)));

    private static object?[] Repeat(object? example, int count) => Enumerable.Repeat(example, count).ToArray();

    private static Dictionary<string, JsonNode?> Attributes(params (string Name, JsonNode? Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);
}
