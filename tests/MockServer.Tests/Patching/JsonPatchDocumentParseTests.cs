using System.Text.Json.Nodes;
using System.Text;
using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class JsonPatchDocumentParseTests
{
    [Fact]
    public void Parse_ValidOperations_ReadsOpPathAndValue()
    {
        var patch = Patch("""
            [{"op":"add","path":"/a","value":1},
             {"op":"remove","path":"b"},
             {"op":"replace","path":"/c/0","value":[1,2]},
             {"op":"test","path":"/d","value":null}]
            """);

        patch.Operations.Select(o => o.Op).Should().Equal(
            PatchOperationType.Add, PatchOperationType.Remove, PatchOperationType.Replace, PatchOperationType.Test);
        patch.Operations.Select(o => o.Path.ToString()).Should().Equal("/a", "/b", "/c/0", "/d");
        patch.Operations.Select(o => o.HasValue).Should().Equal(true, false, true, true);
        patch.Operations[0].Value.ShouldEqualJson("1");
        patch.Operations[2].Value.ShouldEqualJson("[1,2]");
    }

    [Fact]
    public void Parse_ExplicitNullValue_IsAPresentValue()
    {
        var operation = Patch("[{'op':'replace','path':'/a','value':null}]").Operations.Single();

        operation.HasValue.Should().BeTrue();
        operation.Value.Should().BeNull();
    }

    [Theory]
    [InlineData("ADD", PatchOperationType.Add)]
    [InlineData("Remove", PatchOperationType.Remove)]
    [InlineData("rEpLaCe", PatchOperationType.Replace)]
    [InlineData("Test", PatchOperationType.Test)]
    public void Parse_OpNames_AreCaseInsensitive(string op, Enum operationType) // Enum: the engine's types are internal
    {
        var expected = (PatchOperationType)operationType;
        var operation = Patch($"[{{'op':'{op}','path':'/a','value':1}}]").Operations.Single();

        operation.Op.Should().Be(expected);
        operation.OpName.Should().Be(expected.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Parse_EmptyArray_HasNoOperations()
    {
        Patch("[]").Operations.Should().BeEmpty();
    }

    [Fact]
    public void Parse_UnknownMembers_AreIgnored()
    {
        Patch("[{'op':'add','path':'/a','value':1,'from':'/x','xyz':123}]").Operations.Should().ContainSingle();
    }

    [Theory]
    [InlineData("{'op':'add','path':'/a','value':1}", "an object")]
    [InlineData("null", "null")]
    [InlineData("'add'", "a string")]
    [InlineData("42", "a number")]
    public void Parse_BodyNotAnArray_ThrowsInvalidDocument(string body, string kind)
    {
        var error = Throws(() => Patch(body));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.InvalidDocument);
        error.OperationIndex.Should().BeNull();
        error.Message.Should().Contain("must be a JSON array").And.Contain(kind);
    }

    [Theory]
    [InlineData("[{'op':'add','path':'/a','value':1}, 5]", 1, "must be a JSON object")]
    [InlineData("[null]", 0, "must be a JSON object")]
    [InlineData("[['add']]", 0, "must be a JSON object")]
    [InlineData("[{'path':'/a','value':1}]", 0, "'op' member is missing")]
    [InlineData("[{'op':1,'path':'/a','value':1}]", 0, "'op' must be a string")]
    [InlineData("[{'op':null,'path':'/a','value':1}]", 0, "'op' must be a string")]
    [InlineData("[{'op':'spam','path':'/a','value':1}]", 0, "unknown operation 'spam'")]
    [InlineData("[{'op':'','path':'/a','value':1}]", 0, "unknown operation ''")]
    [InlineData("[{'op':'add','value':1}]", 0, "'path' member is missing")]
    [InlineData("[{'op':'remove','path':7}]", 0, "'path' must be a string")]
    [InlineData("[{'op':'remove','path':null}]", 0, "'path' must be a string")]
    [InlineData("[{'op':'remove','path':'/a~2'}]", 0, "not a valid JSON Pointer")]
    [InlineData("[{'op':'add','path':'/a'}]", 0, "'value' member is missing")]
    [InlineData("[{'op':'test','path':'/a','value':1},{'op':'replace','path':'/a'}]", 1, "'value' member is missing")]
    [InlineData("[{'op':'test','path':'/a'}]", 0, "'value' member is missing")]
    [InlineData("[{'op':'remove','path':''}]", 0, "cannot target the whole document")]
    public void Parse_MalformedOperation_ThrowsInvalidDocumentWithIndex(string body, int index, string detail)
    {
        var error = Throws(() => Patch(body));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.InvalidDocument);
        error.OperationIndex.Should().Be(index);
        error.Message.Should().StartWith($"Operation {index}").And.Contain(detail);
    }

    [Theory]
    [InlineData("move")]
    [InlineData("copy")]
    [InlineData("MOVE")]
    [InlineData("Copy")]
    public void Parse_MoveOrCopy_ThrowsUnsupportedOperation(string op)
    {
        var error = Throws(() => Patch($"[{{'op':'test','path':'/a','value':1}},{{'op':'{op}','from':'/a','path':'b'}}]"));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.UnsupportedOperation);
        error.OperationIndex.Should().Be(1);
        error.Op.Should().Be(op.ToLowerInvariant());
        error.Path.Should().Be("/b");
        error.Message.Should().StartWith($"Operation 1 ({op.ToLowerInvariant()} /b): ").And.Contain("not supported");
    }

    [Fact]
    public void Parse_MoveWithoutFrom_IsStillUnsupportedRatherThanInvalid()
    {
        Throws(() => Patch("[{'op':'move','path':'/a'}]")).ErrorKind.Should().Be(JsonPatchErrorKind.UnsupportedOperation);
    }

    [Fact]
    public void Parse_Utf8Bytes_ParsesLikeTheNodeOverload()
    {
        var patch = JsonPatchDocument.Parse("""[{"op":"replace","path":"Name","value":"Ålesund"}]"""u8);

        patch.Operations.Single().Path.ToString().Should().Be("/Name");
        patch.Operations.Single().Value!.GetValue<string>().Should().Be("Ålesund");
    }

    [Theory]
    [InlineData("[{\"op\":\"add\",")]
    [InlineData("")]
    [InlineData("not json")]
    public void Parse_Utf8BytesNotJson_ThrowsInvalidDocument(string body)
    {
        var error = Throws(() => JsonPatchDocument.Parse(Encoding.UTF8.GetBytes(body)));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.InvalidDocument);
        error.Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public void Parse_Utf8BytesWithDuplicateOpMember_ThrowsInvalidDocument()
    {
        // RFC 6902 Appendix A.13: an operation with two "op" members is invalid.
        var body = """[{ "op": "add", "path": "/baz", "value": "qux", "op": "remove" }]"""u8.ToArray();

        Throws(() => JsonPatchDocument.Parse(body)).ErrorKind.Should().Be(JsonPatchErrorKind.InvalidDocument);
    }

    [Fact]
    public void Parse_NodeWithDuplicateOpMember_ThrowsInvalidDocument()
    {
        var body = JsonNode.Parse("""[{ "op": "add", "path": "/baz", "value": "qux", "op": "remove" }]""");

        var error = Throws(() => JsonPatchDocument.Parse(body));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.InvalidDocument);
        error.OperationIndex.Should().Be(0);
    }

    [Fact]
    public void ToJsonArray_RoundTripsThroughParse()
    {
        var original = Patch("[{'op':'Add','path':'a~1b','value':{'x':[1]}},{'op':'remove','path':'/c'}]");

        var text = original.ToString();

        text.Should().Be("""[{"op":"add","path":"/a~1b","value":{"x":[1]}},{"op":"remove","path":"/c"}]""");
        JsonPatchDocument.Parse(JsonNode.Parse(text)).ToString().Should().Be(text);
    }

    [Fact]
    public void PatchOperation_AddWithoutValue_IsRejectedByConstructor()
    {
        FluentActions.Invoking(() => new PatchOperation(PatchOperationType.Add, JsonPointer.Parse("/a"), null, false))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PatchOperation_RemoveOfRoot_IsRejectedByConstructor()
    {
        FluentActions.Invoking(() => PatchOperation.Remove(JsonPointer.Root)).Should().Throw<ArgumentException>();
    }
}
