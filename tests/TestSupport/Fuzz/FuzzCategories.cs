namespace ContractHarness.TestSupport.Fuzz;

/// <summary>A category of hostile requests: its name and the generator of its cases.</summary>
internal sealed record FuzzCategory(string Name, Func<FuzzContext, FuzzCase> Make);

/// <summary>The categories, one generator each; the body-level ones here, the request-level ones in the other part.</summary>
internal static partial class FuzzCategories
{
    public static IReadOnlyList<FuzzCategory> All { get; } =
    [
        new("malformed-json", MalformedJson),
        new("invalid-utf8", InvalidUtf8),
        new("lone-surrogate", LoneSurrogate),
        new("deep-nesting", DeepNesting),
        new("odd-numbers", OddNumbers),
        new("wrong-type", WrongType),
        new("bad-path", BadPath),
        new("bad-op", BadOp),
        new("move-copy", MoveCopy),
        new("bad-id", BadId),
        new("bad-headers", BadHeaders),
        new("select-garbage", SelectGarbage),
        new("oversized", Oversized),
        new("merge-patch-oddities", MergeOddities),
        new("valid-update", ValidUpdate),
    ];

    private static readonly string[] Malformed =
    [
        "[", "{", "[{", "[{]", "nul", "tru", "[1,]", "{\"Name\":}", "[{'op':'replace'}]", "/*c*/[]", "[] []", "[]x", "{\"a\" 1}",
        "\"unterminated", "[\"\\x41\"]", "[\"\\u12\"]", "NaN", "-", "01", "[{\"op\":\"replace\",\"path\":\"/Name\",\"value\":\"a\nb\"}]",
        "\0", "   ", "[,]", "{,}", "{\"a\":1,}", "[\"a\" \"b\"]", "+1", ".5", "[Infinity]", "{\"a\"}", "]", "}", "[}", "{]",
    ];

    private static FuzzCase MalformedJson(FuzzContext c)
    {
        if (c.Coin())
        {
            return c.Case(Expect.Refuse, RawJson.Join(c.Pick(Malformed)));
        }

        // A valid body cut short is never valid JSON.
        var (body, type) = c.Edit(c.Property(c.Target.Strings), RawJson.String(c.Unique));
        return c.Case(Expect.Refuse, body[..c.Random.Next(1, body.Length)], type);
    }

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC2],
    ];

    private static readonly string[] LoneSurrogates = [@"\ud800", @"\udfff", @"\ud800\u0041", @"\udc00\ud800", @"\uD83D", @"\ude00x"];

    private static FuzzCase InvalidUtf8(FuzzContext c) => NotUnicode(c, c.Pick(BadUtf8));

    private static FuzzCase LoneSurrogate(FuzzContext c) => NotUnicode(c, RawJson.Join(c.Pick(LoneSurrogates)));

    /// <summary>Text that is not Unicode in a value, a key, a path or a <c>test</c> value: always a 400.</summary>
    private static FuzzCase NotUnicode(FuzzContext c, byte[] bad)
    {
        var property = c.Property(c.Target.Strings);
        var text = RawJson.StringAround("a", bad, "b");
        var edit = (c.Target.TakesEntity ? c.Random.Next(2) : c.Random.Next(5)) switch
        {
            0 => c.Edit(property, text),
            1 => KeyEdit(c, property, RawJson.StringAround(property[..1], bad, property[1..])),
            2 => (RawJson.Array(RawJson.Op("replace", RawJson.StringAround("/" + property[..1], bad, property[1..]), RawJson.String(c.Unique))), FuzzContext.JsonPatch),
            3 => (RawJson.Array(RawJson.Op("test", RawJson.String("/" + property), text), RawJson.Op("replace", RawJson.String("/" + property), RawJson.String(c.Unique))), FuzzContext.JsonPatch),
            _ => (RawJson.Array(RawJson.Join("{\"op\":\"replace\",", RawJson.StringAround("pa", bad, "th"), ":\"/", property, "\",\"value\":\"x\"}")), FuzzContext.JsonPatch),
        };
        return c.Case(Expect.Refuse, edit.Item1, edit.Item2, refuseWith: 400);
    }

    /// <summary>A merge patch (or, for PUT, an entity) whose member name is the raw key.</summary>
    private static (byte[], string) KeyEdit(FuzzContext c, string property, byte[] key) =>
        c.Target.TakesEntity ? c.Edit(property, RawJson.String(c.Unique), key: key) : (RawJson.Member(key, RawJson.String(c.Unique)), FuzzContext.MergePatch);

    private static readonly int[] Depths = [2, 10, 63, 64, 65, 70, 128, 255, 256, 257, 1000, 100_000];

    /// <summary>Deep values where the schema allows nesting, where it does not, and whole nested bodies.</summary>
    private static FuzzCase DeepNesting(FuzzContext c)
    {
        var depth = c.Pick(Depths);
        var nested = RawJson.Nested(depth, c.Coin());
        if (!c.Target.TakesEntity && c.Random.Next(5) == 0)
        {
            return TestOverDeepValue(c);
        }

        return c.Random.Next(4) switch
        {
            0 => Either(c, c.Edit(c.Property(c.Target.Arrays), RawJson.Join("[", nested, "]"))),
            1 => Either(c, c.Edit(c.Property(c.Target.Objects), RawJson.Join("{\"a\":", nested, "}"))),
            2 => c.Case(Expect.Refuse, nested),
            _ => Either(c, c.Edit(c.Property(c.Target.Strings), nested)),
        };
    }

    /// <summary>Stores a deep value (an array item nested 65 to 255 levels) when the schema lets it, then <c>test</c>s over it.</summary>
    private static FuzzCase TestOverDeepValue(FuzzContext c)
    {
        var array = c.Property(c.Target.Arrays);
        var deep = RawJson.Join("[", RawJson.Nested(c.Random.Next(65, 256), objects: true), "]");
        var path = c.Pick(new[] { string.Empty, "/" + array, "/" + array + "/0" });
        var test = RawJson.Array(RawJson.Op("test", RawJson.String(path), RawJson.String(c.Unique)));
        return c.Case(Expect.Either, test, FuzzContext.JsonPatch) with { Setup = RawJson.Array(RawJson.Op("replace", RawJson.String("/" + array), deep)) };
    }

    private static FuzzCase Either(FuzzContext c, (byte[] Body, string ContentType) edit) => c.Case(Expect.Either, edit.Body, edit.ContentType);

    private static readonly string[] Numbers =
    [
        "1e400", "-1e400", "2147483648", "-2147483649", "9223372036854775808", "1.5", "1e2", "-0", "0e0", "1E+2", "0.0000001",
        "4.9e-324", "1.7976931348623157e308", "1e-400", "123456789012345678901234567890", "1" + new string('0', 5000), "-0.0",
    ];

    private static FuzzCase OddNumbers(FuzzContext c)
    {
        var number = c.Pick(Numbers);
        var group = c.Random.Next(4) switch { 0 => c.Target.Strings, 1 => c.Target.Booleans, 2 => c.Target.Dates, _ => c.Target.Integers };
        var edit = c.Edit(c.Property(group), RawJson.Join(number));

        // In an integer property an exact integer in range may be accepted; anywhere else a number is a type error.
        return c.Case(group == c.Target.Integers ? Expect.Either : Expect.Refuse, edit.Body, edit.ContentType);
    }

    private static readonly string[] NotStrings = ["42", "true", "{}", "[]", "{\"a\":1}", "[\"x\"]", "1.5"];
    private static readonly string[] NotIntegers = ["\"42\"", "true", "{}", "[]", "1.5", "\"\"", "[1]"];
    private static readonly string[] NotBooleans = ["\"true\"", "1", "0", "{}", "[]", "\"false\""];
    private static readonly string[] NotDates = ["\"not a date\"", "42", "true", "{}", "\"2026-13-45T99:00:00\"", "\"\"", "\"2026-02-30T00:00:00\""];
    // Items may be strings or objects, so only values wrong for both: [42] would be fine in an array of numbers.
    private static readonly string[] NotArrays = ["\"x\"", "42", "{}", "true", "[[]]", "[[\"x\"]]"];
    private static readonly string[] NotObjects = ["\"x\"", "42", "[]", "true", "[{}]"];

    /// <summary>A value of the wrong JSON type for the property's schema type.</summary>
    private static FuzzCase WrongType(FuzzContext c)
    {
        var (group, values) = c.Random.Next(6) switch
        {
            0 => (c.Target.Strings, NotStrings),
            1 => (c.Target.Integers, NotIntegers),
            2 => (c.Target.Booleans, NotBooleans),
            3 => (c.Target.Dates, NotDates),
            4 => (c.Target.Arrays, NotArrays),
            _ => (c.Target.Objects, NotObjects),
        };

        if (!c.Target.Writable(group).Any())
        {
            (group, values) = (c.Target.Strings, NotStrings);
        }

        return c.Refused(c.Edit(c.Property(group), RawJson.Join(c.Pick(values))));
    }
}
