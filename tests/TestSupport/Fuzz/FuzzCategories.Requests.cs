using System.Text.Json.Nodes;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>The request-level categories: pointers, operations, ids, headers, <c>$select</c>, sizes, merge patches.</summary>
internal static partial class FuzzCategories
{
    private static FuzzCase BadPath(FuzzContext c)
    {
        var text = c.Property(c.Target.Strings);
        var array = c.Property(c.Target.Arrays);
        var integer = c.Property(c.Target.Integers);
        if (c.Target.TakesEntity)
        {
            string[] keys = ["NoSuchProperty", string.Empty, text + "/x", "~1", "/" + text, text + " ", "$" + text];
            var key = c.Pick(keys);
            return c.Refused(c.Edit(text, RawJson.String(c.Unique), key: RawJson.String(key)));
        }

        string[] paths =
        [
            "/NoSuchProperty", $"/{text}/0", $"/{array}/999", $"/{array}/-1", $"/{array}/01", $"/{array}/-", $"/{array}/1.5",
            $"/{array}/0x1", "/~2", $"/{text}~", "/~", $"#/{text}", "//", $"/{text}/", $"/{integer}/a",
            $"/{array}/99999999999999999999", $"/ {text}", RawJson.Repeat("/a", 5000), $"/{array}/0/NoSuch/x", string.Empty, "/",
        ];
        byte[][] oddTokens = [RawJson.Join("42"), RawJson.Join("null"), RawJson.Join("[]"), RawJson.Join("{}"), RawJson.Join("true")];
        var path = c.Random.Next(6) == 0 ? c.Pick(oddTokens) : RawJson.String(c.Pick(paths));
        var op = c.Pick(["replace", "remove", "add", "test"]);
        if (op == "add" && path.AsSpan().EndsWith("/-\""u8))
        {
            op = "replace"; // add at /array/- appends: valid.
        }

        return c.Case(Expect.Refuse, RawJson.Array(RawJson.Op(op, path, op == "remove" ? null : RawJson.String(c.Unique))));
    }

    private static readonly string[] BadOperations =
    [
        "{\"op\":\"frobnicate\",\"path\":\"/{p}\",\"value\":\"x\"}", "{\"path\":\"/{p}\",\"value\":\"x\"}", "{\"op\":null,\"path\":\"/{p}\"}",
        "{\"op\":42,\"path\":\"/{p}\"}", "{\"op\":[\"replace\"],\"path\":\"/{p}\"}", "{\"op\":\"\",\"path\":\"/{p}\"}", "{\"op\":\"replace\"}",
        "{\"op\":\"_get\",\"path\":\"/{p}\"}", "{\"op\":\"replace \",\"path\":\"/{p}\",\"value\":\"x\"}", "1", "null", "\"replace\"", "[]",
        "{}", "{\"op\":\"replace\",\"path\":\"/{p}\",\"value\":\"x\",\"op\":\"explode\"}", "{\"op\":\"remove\",\"from\":\"/{p}\"}",
    ];

    /// <summary>Unknown, absent and mistyped operations, mixed with a valid one so atomicity is exercised too.</summary>
    private static FuzzCase BadOp(FuzzContext c)
    {
        var property = c.Property(c.Target.Strings);
        var bad = RawJson.Join(c.Pick(BadOperations).Replace("{p}", property, StringComparison.Ordinal));
        var valid = RawJson.Op("replace", RawJson.String("/" + property), RawJson.String(c.Unique));
        var body = c.Random.Next(3) switch { 0 => RawJson.Array(bad), 1 => RawJson.Array(valid, bad), _ => RawJson.Array(bad, valid) };
        return c.Case(Expect.Refuse, body, FuzzContext.JsonPatch);
    }

    /// <summary><c>move</c> and <c>copy</c>, which the mock documents as 400, with good and bad <c>from</c> pointers.</summary>
    private static FuzzCase MoveCopy(FuzzContext c)
    {
        var from = c.Property(c.Target.Strings);
        var to = c.Property(c.Target.Strings);
        var fromToken = c.Pick(["/" + from, "/NoSuch", string.Empty, "/" + to, "/" + c.Property(c.Target.Arrays) + "/0"]);
        var op = RawJson.Join("{\"op\":\"", c.Pick(["move", "copy"]), "\",\"from\":", RawJson.String(fromToken), ",\"path\":", RawJson.String("/" + to), "}");
        var valid = RawJson.Op("replace", RawJson.String("/" + to), RawJson.String(c.Unique));
        return c.Case(Expect.Refuse, c.Coin() ? RawJson.Array(op) : RawJson.Array(valid, op), FuzzContext.JsonPatch);
    }

    /// <summary>Ids that are no int32 or no entity, each next to the entity it could be mistaken for.</summary>
    private static FuzzCase BadId(FuzzContext c)
    {
        var id = c.Id;
        string[] refused =
        [
            "0", $"-{id}", $"{4294967296L + id}", $"{2147483648L + id}", "-2147483649", "99999999999999999999999", "abc", $"{id}.5", $"{id}e0",
            $"{id}abc", $"%20{id}", $"0x{id:x}", "%D9%A1", $"{FuzzTarget.IdCount + 1000 + id}", "2147483647", "-2147483648",
            $"{id}/extra", $"{id}%2F", $"{id},{id}", $"{id};", $"{id}%0A", "%FF", "NaN", "Infinity", "-0",
        ];

        // Forms an int32 parser may accept as this very id: either answer is right, and a 200 must have applied the update.
        string[] lenient = [$"+{id}", $"0{id}", $"{id}/", $"00000000000000000000{id}"];
        return c.Random.Next(5) == 0
            ? c.ValidUpdate(Expect.Either, path: c.Target.Prefix + c.Pick(lenient))
            : c.ValidUpdate(Expect.Refuse, path: c.Target.Prefix + c.Pick(refused));
    }

    private static readonly string[] IfUnmodifiedSince =
    [
        "garbage", "", " ", "0", "-1", "Mon, 32 Nov 2026 10:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "2026-11-30T00:00:00Z", "Mon, 01 Jan 0001 00:00:00 GMT",
        "Thu, 01 Jan 1970 00:00:00 GMT, Fri, 31 Dec 9999 23:59:59 GMT", "Tue, 29 Feb 2026 00:00:00 GMT", "Mon, 30 Nov 2026 25:61:61 GMT",
        "Mon, 30 Nov 2026 10:00:00 PST", "\t", "Mon, 30 Nov 99999 10:00:00 GMT", "Mon,30 Nov 2026 10:00:00 GMT",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=latin1", "application/json; charset=utf-16", "application/json; charset=\"", "application/json;;",
        "application/", "/", "*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json-patch+json; q=0", "APPLICATION/JSON-PATCH+JSON", "application/vnd.foo+json", "application/json; charset=utf-8; charset=ascii",
        "text/json; charset=UTF-8", "application/json-patch+json; charset=utf-32", "+json", "application/json\\", "application/merge-patch+json; x=\"\\\"\"",
    ];

    private static readonly (string Name, string[] Values)[] OtherHeaders =
    [
        ("Accept", ["application/xml", "*/*;q=x", "garbage", "", "application/json;q=0"]),
        ("Authorization", ["Bearer", "Basic !!!", "Basic Og==", "SoTicket", "Negotiate xyz", ""]),
        ("X-XSRF-TOKEN", ["", "\t"]),
        ("SO-Language", ["zz", "", "en-XX-invalid"]),
        ("SO-TimeZone", ["garbage", "+99:99", ""]),
        ("SO-Culture", ["xx-YY", "!!"]),
        ("Accept-Language", ["*;q=abc", "zz"]),
        ("Content-Encoding", ["gzip", "br", "identity", "garbage"]),
        ("If-Match", ["*", "garbage"]),
        ("If-Modified-Since", ["garbage", "Thu, 01 Jan 1970 00:00:00 GMT"]),
        ("Origin", ["null", "http://evil.example", "garbage"]),
        ("X-HTTP-Method-Override", ["DELETE", "GET"]),
    ];

    /// <summary>A valid update under garbage headers: any answer but 5xx, and a 200 must have applied it.</summary>
    private static FuzzCase BadHeaders(FuzzContext c)
    {
        return c.Random.Next(3) switch
        {
            0 => c.ValidUpdate(Expect.Either, headers: [new("If-Unmodified-Since", c.Pick(IfUnmodifiedSince))]),
            1 => c.ValidUpdate(Expect.Either, contentType: c.Pick(ContentTypes)),
            _ => OtherHeader(c),
        };
    }

    private static FuzzCase OtherHeader(FuzzContext c)
    {
        var (name, values) = c.Pick(OtherHeaders);
        return c.ValidUpdate(Expect.Either, headers: [new(name, c.Pick(values))]);
    }

    /// <summary>
    /// <c>$select</c> garbage on GET and PATCH. A request line over Kestrel's 8 KiB or a NUL in the path is refused
    /// by Kestrel before the mock sees it; those live in the protocol-garbage test.
    /// </summary>
    private static FuzzCase SelectGarbage(FuzzContext c)
    {
        var property = c.Property(c.Target.Strings);
        string[] selects =
        [
            "", ",", ",,,", "NoSuch", $"{property},,{property}", "*", "%FF", "%ED%A0%80", $"{property}/Foo",
            "__proto__", $"{property}%20", $"{property};drop", "%", "%zz", "%2500", c.Target.Endpoint.PrimaryKey, "_Links", $"{property}.Value", "%C0%AF", RawJson.Repeat("a,", 2000),
            $"{property}&$select=NoSuch", $"{property}&$select=", "%2C", "%E2%80%8B" + property, RawJson.Repeat("%", 100),
        ];
        var query = "?$select=" + c.Pick(selects);
        if (c.Coin())
        {
            return c.Case(Expect.Either, null, path: c.Target.Prefix + c.Id + query, method: "GET");
        }

        return c.ValidUpdate(Expect.Either, path: c.Target.Prefix + c.Id + query);
    }

    /// <summary>Bodies just over the mock's 1 MiB limit (valid JSON, so only the size is wrong): 413.</summary>
    private static FuzzCase Oversized(FuzzContext c)
    {
        var size = (1024 * 1024) + c.Random.Next(1, 64 * 1024);
        var property = c.Property(c.Target.Strings);
        var body = c.Coin()
            ? c.Edit(property, RawJson.String(new string('x', size)))
            : (RawJson.Join(c.Target.TakesEntity ? "{" : "[", new string(' ', size), c.Target.TakesEntity ? "}" : "]"), c.DefaultContentType);
        return c.Case(Expect.Refuse, body.Item1, body.Item2, refuseWith: 413);
    }

    private static FuzzCase MergeOddities(FuzzContext c)
    {
        var text = c.Property(c.Target.Strings);
        var array = c.Property(c.Target.Arrays);
        var obj = c.Property(c.Target.Objects);
        string[] refused =
        [
            "null", "[]", "\"x\"", "42", "true", "{\"NoSuch\":1}", $"{{\"{c.Target.Endpoint.PrimaryKey}\":{c.Id + 1}}}", "{\"\":1}",
            $"{{\"{text}\":[\"a\"]}}", $"{{\"{text}\":{{\"a\":1}}}}", $"{{\"{obj}\":\"x\"}}", $"{{\"{array}\":{{}}}}",
        ];
        string[] either =
        [
            "{}", $"{{\"{text}\":null}}", $"{{\"{array}\":null}}", $"{{\"{array}\":[]}}", $"{{\"{obj}\":null}}", $"{{\"{obj}\":{{}}}}",
            $"{{\"{obj}\":{{\"NoSuch\":1}}}}", $"{{\"{obj}\":{{\"x\":{{\"y\":null}}}}}}", "{\"NoSuch\":null}",
            $"{{\"{text}\":\"a\",\"{text}\":\"b\"}}", $"{{\"{text.ToLowerInvariant()}\":\"c\"}}", $"{{\"{obj}\":{{\"a\":[1,{{\"b\":null}}]}}}}",
        ];
        if (c.Coin())
        {
            return c.Case(Expect.Either, RawJson.Join(c.Pick(either)), FuzzContext.MergePatch);
        }

        // PUT takes the id from the URL and resets what the body leaves out, so there only a non-object body is surely wrong.
        var body = c.Pick(refused);
        return c.Case(c.Target.TakesEntity && body.StartsWith('{') ? Expect.Either : Expect.Refuse, RawJson.Join(body), FuzzContext.MergePatch);
    }

    /// <summary>Valid updates in each documented form; each must answer 200 and show the new value.</summary>
    private static FuzzCase ValidUpdate(FuzzContext c)
    {
        if (c.Target.TakesEntity || c.Coin())
        {
            return c.ValidUpdate(Expect.Accept);
        }

        var property = c.Property(c.Target.Strings);
        var current = RawJson.Write(RawJson.Parse(c.Entity)![property]);
        var value = RawJson.String(c.Unique);
        var path = c.Random.Next(3) switch { 0 => "/" + property, 1 => property.ToLowerInvariant(), _ => "/" + property.ToUpperInvariant() };
        var body = c.Coin()
            ? RawJson.Array(RawJson.Op("test", RawJson.String("/" + property), RawJson.Join(current)), RawJson.Op("replace", RawJson.String(path), value))
            : RawJson.Array(RawJson.Op("add", RawJson.String(path), value));
        return c.Case(Expect.Accept, body, FuzzContext.JsonPatch) with { CheckProperty = property, CheckValue = JsonValue.Create(c.Unique) };
    }
}
