using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class JsonPatchApplyTests
{
    [Theory]
    [InlineData("{'a':1}", "[{'op':'add','path':'/b','value':2}]", "{'a':1,'b':2}")]
    [InlineData("{'a':1}", "[{'op':'add','path':'/a','value':2}]", "{'a':2}")]
    [InlineData("{'a':{}}", "[{'op':'add','path':'/a/b','value':{'c':[1]}}]", "{'a':{'b':{'c':[1]}}}")]
    [InlineData("{'a':1}", "[{'op':'add','path':'/b','value':null}]", "{'a':1,'b':null}")]
    [InlineData("[1,2]", "[{'op':'add','path':'/0','value':0}]", "[0,1,2]")]
    [InlineData("[1,2]", "[{'op':'add','path':'/1','value':9}]", "[1,9,2]")]
    [InlineData("[1,2]", "[{'op':'add','path':'/2','value':3}]", "[1,2,3]")]
    [InlineData("[1,2]", "[{'op':'add','path':'/-','value':3}]", "[1,2,3]")]
    [InlineData("[1,2]", "[{'op':'add','path':'-','value':[3]}]", "[1,2,[3]]")]
    [InlineData("{'a':[]}", "[{'op':'add','path':'/a/0','value':'x'}]", "{'a':['x']}")]
    [InlineData("{'a':1}", "[{'op':'add','path':'','value':[1]}]", "[1]")]
    [InlineData("{'a':1}", "[{'op':'add','path':'','value':'scalar'}]", "'scalar'")]
    [InlineData("{}", "[{'op':'add','path':'/','value':1}]", "{'':1}")]
    public void Apply_Add_FollowsRfc6902(string document, string patch, string expected)
    {
        Apply(document, patch).ShouldEqualJson(expected);
    }

    [Fact]
    public void Apply_AddAtRootWithNull_ReturnsNull()
    {
        Apply("{'a':1}", "[{'op':'add','path':'','value':null}]").Should().BeNull();
    }

    [Theory]
    [InlineData("{'a':1,'b':2}", "[{'op':'remove','path':'/a'}]", "{'b':2}")]
    [InlineData("{'a':null}", "[{'op':'remove','path':'a'}]", "{}")]
    [InlineData("[1,2,3]", "[{'op':'remove','path':'/0'}]", "[2,3]")]
    [InlineData("[1,2,3]", "[{'op':'remove','path':'/2'}]", "[1,2]")]
    [InlineData("{'a':{'b':[1,{'c':1,'d':2}]}}", "[{'op':'remove','path':'/a/b/1/c'}]", "{'a':{'b':[1,{'d':2}]}}")]
    public void Apply_Remove_FollowsRfc6902(string document, string patch, string expected)
    {
        Apply(document, patch).ShouldEqualJson(expected);
    }

    [Theory]
    [InlineData("{'a':1,'b':2}", "[{'op':'replace','path':'/a','value':'x'}]", "{'a':'x','b':2}")]
    [InlineData("{'a':1}", "[{'op':'replace','path':'/a','value':null}]", "{'a':null}")]
    [InlineData("{'a':null}", "[{'op':'replace','path':'/a','value':{'b':1}}]", "{'a':{'b':1}}")]
    [InlineData("[1,2,3]", "[{'op':'replace','path':'/1','value':[9]}]", "[1,[9],3]")]
    [InlineData("{'a':1}", "[{'op':'replace','path':'','value':{'b':2}}]", "{'b':2}")]
    public void Apply_Replace_FollowsRfc6902(string document, string patch, string expected)
    {
        Apply(document, patch).ShouldEqualJson(expected);
    }

    [Theory]
    [InlineData("{'a':1}", "[{'op':'test','path':'/a','value':1}]")]
    [InlineData("{'a':1}", "[{'op':'test','path':'/a','value':1.0}]")]
    [InlineData("{'a':100}", "[{'op':'test','path':'/a','value':1e2}]")]
    [InlineData("{'a':null}", "[{'op':'test','path':'/a','value':null}]")]
    [InlineData("{'a':{'x':1,'y':[1,2]}}", "[{'op':'test','path':'/a','value':{'y':[1,2],'x':1}}]")]
    [InlineData("{'a':1}", "[{'op':'test','path':'','value':{'a':1}}]")]
    [InlineData("[false]", "[{'op':'test','path':'/0','value':false}]")]
    public void Apply_PassingTest_ReturnsEqualDocument(string document, string patch)
    {
        Apply(document, patch).ShouldEqualJson(document);
    }

    [Fact]
    public void Apply_Operations_RunInOrderAndTestSeesEarlierEffects()
    {
        var result = Apply(
            "{'Name':'old','Emails':[]}",
            """
            [{'op':'replace','path':'/Name','value':'new'},
             {'op':'test','path':'/Name','value':'new'},
             {'op':'add','path':'/Emails/-','value':{'Value':'a@example.com'}},
             {'op':'test','path':'/Emails/0/Value','value':'a@example.com'},
             {'op':'remove','path':'/Emails/0'},
             {'op':'test','path':'/Emails','value':[]}]
            """);

        result.ShouldEqualJson("{'Name':'new','Emails':[]}");
    }

    [Fact]
    public void Apply_RepeatedRemoves_SeeShiftedIndexes()
    {
        Apply("[1,2,3,4]", "[{'op':'remove','path':'/1'},{'op':'remove','path':'/2'}]").ShouldEqualJson("[1,3]");
    }

    [Fact]
    public void Apply_ReturnsNewDocument_AndNeverModifiesTheInput()
    {
        var document = Parse("{'a':{'b':1}}")!;
        var before = document.ToJsonString();

        var result = Patch("[{'op':'add','path':'/a/c','value':2},{'op':'remove','path':'/a/b'}]").ApplyTo(document);

        result.Should().NotBeSameAs(document);
        result.ShouldEqualJson("{'a':{'c':2}}");
        document.ToJsonString().Should().Be(before);
    }

    [Fact]
    public void Apply_InsertedValues_AreClones_SoThePatchCanBeReused()
    {
        var patch = Patch("[{'op':'add','path':'/list/-','value':{'x':1}}]");
        var first = patch.ApplyTo(Parse("{'list':[]}"))!;
        var second = patch.ApplyTo(first)!;

        second.ShouldEqualJson("{'list':[{'x':1},{'x':1}]}");
        second["list"]![0]!["x"] = 5;
        patch.Operations[0].Value.ShouldEqualJson("{'x':1}");
        first.ShouldEqualJson("{'list':[{'x':1}]}");
    }

    [Fact]
    public void Apply_DocumentThatIsPartOfALargerTree_IsPatchedAsACopy()
    {
        var outer = Parse("{'inner':{'a':1}}")!;

        var result = Patch("[{'op':'add','path':'/b','value':2}]").ApplyTo(outer["inner"])!;

        result.Parent.Should().BeNull();
        result.ShouldEqualJson("{'a':1,'b':2}");
        outer.ShouldEqualJson("{'inner':{'a':1}}");
    }

    [Fact]
    public void Apply_NullDocument_CanBeReplacedAtRoot()
    {
        Patch("[{'op':'add','path':'','value':{'a':1}}]").ApplyTo(null).ShouldEqualJson("{'a':1}");
    }

    [Fact]
    public void Apply_EmptyPatch_ReturnsEqualCopy()
    {
        var document = Parse("{'a':[1,{'b':null}]}");

        var result = Patch("[]").ApplyTo(document);

        result.Should().NotBeSameAs(document);
        result.ShouldEqualJson("{'a':[1,{'b':null}]}");
    }

    [Fact]
    public void Apply_ProgrammaticOperations_WorkWithoutParsing()
    {
        var patch = new JsonPatchDocument(
        [
            PatchOperation.Add(JsonPointer.Parse("Emails/-"), JsonValue.Create("x")),
            PatchOperation.Test(JsonPointer.FromSegments("Emails", "0"), JsonValue.Create("x")),
            PatchOperation.Replace(JsonPointer.Parse("/Name"), null),
            PatchOperation.Remove(JsonPointer.Parse("/Gone")),
        ]);

        patch.ApplyTo(Parse("{'Name':'n','Emails':[],'Gone':1}")).ShouldEqualJson("{'Name':null,'Emails':['x']}");
    }
}
