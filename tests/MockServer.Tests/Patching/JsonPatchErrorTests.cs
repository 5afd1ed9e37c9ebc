using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class JsonPatchErrorTests
{
    [Theory]
    [InlineData("{'a':1}", "[{'op':'add','path':'/x/y','value':1}]", "/x/y")]
    [InlineData("{'a':1}", "[{'op':'add','path':'/a/y','value':1}]", "/a/y")]
    [InlineData("{'a':null}", "[{'op':'add','path':'/a/y','value':1}]", "/a/y")]
    [InlineData("{'a':'text'}", "[{'op':'add','path':'/a/0','value':1}]", "/a/0")]
    [InlineData("{'a':[1,2]}", "[{'op':'add','path':'/a/3','value':1}]", "/a/3")]
    [InlineData("{'a':[1,2]}", "[{'op':'add','path':'/a/-1','value':1}]", "/a/-1")]
    [InlineData("{'a':[1,2]}", "[{'op':'add','path':'/a/01','value':1}]", "/a/01")]
    [InlineData("{'a':[1,2]}", "[{'op':'add','path':'/a/1e0','value':1}]", "/a/1e0")]
    [InlineData("{'a':[1,2]}", "[{'op':'add','path':'/a/b','value':1}]", "/a/b")]
    [InlineData("{'a':[1,2]}", "[{'op':'add','path':'/a/99999999999','value':1}]", "/a/99999999999")]
    [InlineData("{'a':[[1]]}", "[{'op':'add','path':'/a/-/0','value':1}]", "/a/-/0")]
    [InlineData("{'a':1}", "[{'op':'remove','path':'/b'}]", "/b")]
    [InlineData("{'a':1}", "[{'op':'remove','path':'/b/c'}]", "/b/c")]
    [InlineData("[1,2]", "[{'op':'remove','path':'/2'}]", "/2")]
    [InlineData("[1,2]", "[{'op':'remove','path':'/-'}]", "/-")]
    [InlineData("[1,2]", "[{'op':'remove','path':'/00'}]", "/00")]
    [InlineData("7", "[{'op':'remove','path':'/a'}]", "/a")]
    [InlineData("{'a':1}", "[{'op':'replace','path':'/b','value':1}]", "/b")]
    [InlineData("{'a':1}", "[{'op':'replace','path':'/x/b','value':1}]", "/x/b")]
    [InlineData("[1]", "[{'op':'replace','path':'/1','value':1}]", "/1")]
    [InlineData("[1]", "[{'op':'replace','path':'/-','value':1}]", "/-")]
    [InlineData("{'a':1}", "[{'op':'test','path':'/b','value':null}]", "/b")]
    [InlineData("[1]", "[{'op':'test','path':'/1','value':1}]", "/1")]
    [InlineData("['foo','bar']", "[{'op':'test','path':'/01','value':'bar'}]", "/01")]
    [InlineData("{'a':[1]}", "[{'op':'test','path':'/a/-','value':1}]", "/a/-")]
    public void Apply_MissingTargetOrParent_ThrowsPathNotFound(string document, string patch, string path)
    {
        var error = Throws(() => Apply(document, patch));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.PathNotFound);
        error.OperationIndex.Should().Be(0);
        error.Path.Should().Be(path);
    }

    [Theory]
    [InlineData("{'a':'foo'}", "'bar'")]
    [InlineData("{'a':1}", "'1'")]
    [InlineData("{'a':1}", "2")]
    [InlineData("{'a':1}", "null")]
    [InlineData("{'a':null}", "false")]
    [InlineData("{'a':true}", "false")]
    [InlineData("{'a':[1,2]}", "[2,1]")]
    [InlineData("{'a':[1,2]}", "[1,2,3]")]
    [InlineData("{'a':{'x':1}}", "{'x':1,'y':2}")]
    [InlineData("{'a':{'x':1}}", "{'X':1}")]
    [InlineData("{'a':{'x':1}}", "[1]")]
    public void Apply_TestWithUnequalValue_ThrowsTestFailed(string document, string value)
    {
        var error = Throws(() => Apply(document, $"[{{'op':'test','path':'/a','value':{value}}}]"));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.TestFailed);
        error.OperationIndex.Should().Be(0);
        error.Path.Should().Be("/a");
    }

    [Fact]
    public void Apply_FailingTest_MessageNamesIndexOpPathAndBothValues()
    {
        var error = Throws(() => Apply(
            "{'Department':'bar'}",
            "[{'op':'add','path':'/x','value':1},{'op':'replace','path':'/x','value':2},{'op':'Test','path':'Department','value':'foo'}]"));

        error.Message.Should().Be("Operation 2 (test /Department): expected \"foo\" but found \"bar\"");
        error.Detail.Should().Be("expected \"foo\" but found \"bar\"");
        error.Op.Should().Be("test");
        error.Path.Should().Be("/Department");
        error.OperationIndex.Should().Be(2);
    }

    [Fact]
    public void Apply_FailingTestWithLongValue_TruncatesTheValueInTheMessage()
    {
        var error = Throws(() => Apply($"{{'a':'{new string('x', 1000)}'}}", "[{'op':'test','path':'/a','value':'y'}]"));

        error.Message.Length.Should().BeLessThan(300);
        error.Message.Should().EndWith("...");
    }

    [Fact]
    public void Apply_PathNotFound_MessageExplainsWhatIsMissing()
    {
        var error = Throws(() => Apply("{'Emails':[1,2]}", "[{'op':'remove','path':'Emails/5'}]"));

        error.Message.Should().Be("Operation 0 (remove /Emails/5): index 5 is out of range for an array of 2 elements");
    }

    [Fact]
    public void Apply_RootPathInMessage_IsShownAsEmptyQuotes()
    {
        var error = Throws(() => Apply("{'a':1}", "[{'op':'test','path':'','value':{}}]"));

        error.Message.Should().StartWith("Operation 0 (test \"\"): expected {} but found {\"a\":1}");
    }

    [Theory]
    [InlineData("[{'op':'replace','path':'/Name','value':'changed'},{'op':'remove','path':'/Missing'}]", JsonPatchErrorKind.PathNotFound)]
    [InlineData("[{'op':'add','path':'/Emails/-','value':'c'},{'op':'test','path':'/Name','value':'other'}]", JsonPatchErrorKind.TestFailed)]
    [InlineData("[{'op':'remove','path':'/Emails/0'},{'op':'remove','path':'/Emails/0'},{'op':'remove','path':'/Emails/0'}]", JsonPatchErrorKind.PathNotFound)]
    [InlineData("[{'op':'add','path':'','value':{}},{'op':'replace','path':'/Name','value':1}]", JsonPatchErrorKind.PathNotFound)]
    public void Apply_FailureInTheMiddleOfAMultiOpPatch_LeavesDocumentUnchanged(string patch, Enum errorKind) // Enum: the engine's types are internal
    {
        var kind = (JsonPatchErrorKind)errorKind;
        var document = Parse("{'Name':'original','Emails':['a','b'],'Nested':{'x':[1]}}")!;
        var before = document.ToJsonString();
        var emails = document["Emails"];

        var error = Throws(() => Patch(patch).ApplyTo(document));

        error.ErrorKind.Should().Be(kind);
        document.ToJsonString().Should().Be(before);
        document["Emails"].Should().BeSameAs(emails);
    }

    [Fact]
    public void Apply_FailingTest_ThrowsTestFailedAndLeavesDocumentUnchanged()
    {
        var document = Parse("{'Department':'bar'}")!;

        var error = Throws(() => Patch("[{'op':'replace','path':'/Department','value':'baz'},{'op':'test','path':'/Department','value':'bar'}]").ApplyTo(document));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.TestFailed);
        error.Message.Should().Be("Operation 1 (test /Department): expected \"bar\" but found \"baz\"");
        document.ShouldEqualJson("{'Department':'bar'}");
    }

    [Fact]
    public void Apply_InvalidDocument_IsDetectedBeforeAnythingIsApplied()
    {
        // Parsing validates every operation up front, so a bad last operation rejects the whole patch.
        var error = Throws(() => Patch("[{'op':'add','path':'/a','value':1},{'op':'add','path':'/b'}]"));

        error.ErrorKind.Should().Be(JsonPatchErrorKind.InvalidDocument);
        error.OperationIndex.Should().Be(1);
    }

    [Fact]
    public void Exception_WithoutOperationIndex_MessageIsTheDetail()
    {
        var error = new JsonPatchException(JsonPatchErrorKind.InvalidDocument, "bad body");

        error.Message.Should().Be("bad body");
        error.OperationIndex.Should().BeNull();
        error.Op.Should().BeNull();
        error.Path.Should().BeNull();
    }

    [Fact]
    public void Exception_WithIndexOnly_MessageNamesTheIndex()
    {
        new JsonPatchException(JsonPatchErrorKind.InvalidDocument, "bad", 3).Message.Should().Be("Operation 3: bad");
    }
}
