using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;
using ContractHarness.MockServer.Tests.Patching.Conformance;

namespace ContractHarness.MockServer.Tests.Patching;

/// <summary>
/// The reader of usual JSON Patch bodies (<see cref="JsonPatchReader"/>) against the general parser
/// (<see cref="JsonPatchParser"/> over the whole body parsed as the server parses it): whatever the reader accepts,
/// the parser accepts too and makes the same operations of; whatever the parser refuses, the reader leaves alone.
/// </summary>
public sealed class JsonPatchReaderTests
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private static readonly string[] Usual =
    [
        """[{"op":"replace","path":"/Department","value":"bench-department-1"}]""",
        """[{"op":"replace","path":"department","value":"x"}]""",
        """[]""",
        """ [ { "path" : "/a" , "value" : 1 , "op" : "add" } ] """,
        """[{"value":null,"op":"test","path":"/a"}]""",
        """[{"op":"remove","path":"/a"},{"op":"remove","path":"b","value":7}]""", // remove ignores a value
        """[{"op":"add","path":"/a/0","value":true},{"op":"add","path":"/a/-","value":false}]""",
        """[{"op":"replace","path":"/n","value":-0},{"op":"replace","path":"/m","value":1.50},{"op":"replace","path":"/e","value":1E+2}]""",
        """[{"op":"replace","path":"/big","value":123456789012345678901234567890}]""",
        """[{"op":"replace","path":"/s","value":"Ålesund \"quoted\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00"}]""",
        """[{"op":"replace","path":"/a~1b/c~0d","value":"escaped pointer"}]""",
        """[{"op":"replace","path":"","value":"the whole document"}]""",
        """[{"\u006fp":"replace","p\u0061th":"/a","value":"escaped member names"}]""",
        """[{"op":"repl\u0061ce","path":"/a","value":"escaped op"}]""",
        "[\r\n\t{\"op\":\"test\",\"path\":\"/a\",\"value\":\"\"}\r\n]\r\n",
    ];

    public static TheoryData<string> UsualBodies() => new(Usual);

    public static TheoryData<string> UnusualBodies() =>
    [
        """[{"op":"replace","path":"/a","value":{"b":1}}]""", // object value
        """[{"op":"replace","path":"/a","value":[1]}]""", // array value
        """[{"op":"Replace","path":"/a","value":1}]""", // op in another case
        """[{"op":"move","from":"/b","path":"/a"}]""",
        """[{"op":"copy","from":"/b","path":"/a"}]""",
        """[{"op":"add","path":"/a","value":1,"from":"/b"}]""", // another member
        """[{"op":"add","op":"remove","path":"/a","value":1}]""", // repeated member
        """[{"op":"add","path":"/a","path":"/b","value":1}]""",
        """[{"op":"add","path":"/a","value":1,"value":2}]""",
        """[{"op":"add","path":"/a"}]""", // no value
        """[{"op":"add","value":1}]""", // no path
        """[{"path":"/a","value":1}]""", // no op
        """[{"op":"remove","path":""}]""", // remove of the whole document
        """[{"op":"add","path":"/a~2","value":1}]""", // bad escape
        """[{"op":"add","path":1,"value":1}]""",
        """[{"op":null,"path":"/a","value":1}]""",
        """[{"op":"add","path":"/a","value":1}] x""", // text after the document
        """[{"op":"add","path":"/a","value":1},]""", // trailing comma
        """[{"op":"add","path":"/a","value":1} /* comment */]""",
        """[{"op":"add","path":"/a","value":1}""", // cut short
        """[1]""",
        """[[{"op":"add","path":"/a","value":1}]]""",
        """{"op":"add","path":"/a","value":1}""",
        "\"[]\"",
        "null",
        "",
        """[{"op":"add","path":"/\ud800","value":1}]""", // a lone surrogate in the path
    ];

    [Theory]
    [MemberData(nameof(UsualBodies))]
    public void UsualBody_IsRead_AsTheParserReadsIt(string body)
    {
        JsonPatchReader.TryRead(Encoding.UTF8.GetBytes(body), out var operations).Should().BeTrue();

        Describe(operations!).Should().Equal(General(body));
    }

    [Theory]
    [MemberData(nameof(UnusualBodies))]
    public void UnusualBody_IsLeftToTheGeneralPath(string body)
    {
        JsonPatchReader.TryRead(Encoding.UTF8.GetBytes(body), out var operations).Should().BeFalse();
        operations.Should().BeNull();
    }

    [Fact]
    public void ConformanceVectors_AreReadAsTheParserReadsThem_OrLeftToIt()
    {
        var read = 0;
        foreach (var vector in ConformanceVectors.All)
        {
            if (JsonPatchReader.TryRead(Encoding.UTF8.GetBytes(vector.PatchJson), out var operations))
            {
                read++;
                Describe(operations).Should().Equal(General(vector.PatchJson), "the reader read {0}", vector);
            }
        }

        read.Should().BeGreaterThan(40, "most of the vectors' patches are usual ones");
    }

    /// <summary>
    /// Damaged copies of the usual bodies (bytes dropped, doubled, replaced by JSON's own punctuation), those still
    /// UTF-8: each the reader accepts must be one the parser accepts with the same operations.
    /// </summary>
    [Fact]
    public void DamagedBodies_AreNeverReadOtherwiseThanByTheParser()
    {
        var random = new Random(6902);
        var punctuation = "{}[],:\"\\ 0-.eE~/anu"u8.ToArray();
        var (accepted, tried) = (0, 0);
        foreach (var body in Usual.Select(Encoding.UTF8.GetBytes))
        {
            for (var i = 0; i < 400 && body.Length > 0; i++)
            {
                var damaged = new List<byte>(body);
                var at = random.Next(damaged.Count);
                switch (random.Next(3))
                {
                    case 0: damaged.RemoveAt(at); break;
                    case 1: damaged.Insert(at, damaged[at]); break;
                    default: damaged[at] = punctuation[random.Next(punctuation.Length)]; break;
                }

                var bytes = damaged.ToArray();
                if (!Utf8.IsValid(bytes))
                {
                    continue; // the server refuses a body that is not UTF-8 before it reads it (UnicodeCheck)
                }

                tried++;
                if (JsonPatchReader.TryRead(bytes, out var operations))
                {
                    accepted++;
                    Describe(operations).Should().Equal(General(bytes), "the reader read {0}", Encoding.UTF8.GetString(bytes));
                }
            }
        }

        accepted.Should().BeInRange(1, tried - 1, "some damage leaves a usual body (a changed letter in a value) and most does not");
    }

    /// <summary>The general path's operations, as <see cref="Describe"/> gives them; a refused body fails the test.</summary>
    private static IEnumerable<string> General(string body) => General(Encoding.UTF8.GetBytes(body));

    private static IEnumerable<string> General(byte[] body)
    {
        var node = JsonNode.Parse(body, documentOptions: StrictJson);
        return Describe(JsonPatchParser.Parse(node));
    }

    /// <summary>
    /// Everything an operation carries: op, normalised path, whether it has a value, the value's text as written
    /// (a damaged escape in it need not make sense) and its node type.
    /// </summary>
    private static IEnumerable<string> Describe(IEnumerable<PatchOperation> operations) =>
        operations.Select(o => $"{o.OpName} {o.Path} {o.HasValue} {Text(o.Value)} {o.Value?.GetType().Name} {o.Value?.GetValueKind()}").ToList();

    private static string Text(JsonNode? value) =>
        value is JsonValue scalar && scalar.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value?.ToJsonString() ?? "null";
}
