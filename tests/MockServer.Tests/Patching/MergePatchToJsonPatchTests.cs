using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class MergePatchToJsonPatchTests
{
    /// <summary>RFC 7396 Appendix A cases whose patch is an object, plus cases of our own (target, merge patch).</summary>
    public static TheoryData<string, string> EquivalenceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in MergePatchApplyTests.AppendixA)
        {
            var (target, patch) = ((string)row[0], (string)row[1]);
            if (Parse(patch) is JsonObject)
            {
                data.Add(target, patch);
            }
        }

        data.Add("{'title':'Goodbye!','author':{'givenName':'John','familyName':'Doe'},'tags':['example','sample'],'content':'x'}",
            "{'title':'Hello!','phoneNumber':'+01','author':{'familyName':null},'tags':['example']}");
        data.Add("{'a':{'b':{'c':{'d':1,'e':2}}}}", "{'a':{'b':{'c':{'d':null,'f':{'g':null,'h':[null]}}}}}");
        data.Add("{'a':1}", "{'a':{'b':null,'c':{'d':null,'e':1}}}");
        data.Add("{'a':'text'}", "{'a':{}}");
        data.Add("{'a':{'x':1}}", "{'a':[1,{'x':null}]}");
        data.Add("{'a':{'x':1}}", "{'a':{}}");
        data.Add("{'a':null}", "{'a':{'b':1}}");
        data.Add("{'a':null}", "{'a':null,'b':null}");
        data.Add("{'a/b':1,'m~n':{'~1':2}}", "{'a/b':null,'m~n':{'~1':3,'/':4},'':5}");
        data.Add("{}", "{}");
        data.Add("'scalar'", "{'a':{'b':null}}");
        data.Add("[]", "{}");
        data.Add("{'Emails':[{'Value':'a'}],'Category':{'Id':1,'Value':'x'}}", "{'Emails':[{'Value':'b'},{'Value':'c'}],'Category':{'Id':2}}");
        return data;
    }

    [Theory]
    [MemberData(nameof(EquivalenceCases))]
    public void ToJsonPatch_AppliedToTarget_EqualsMergePatchApply(string target, string patch)
    {
        var targetNode = Parse(target)!;
        var patchObject = Parse(patch)!.AsObject();

        var viaJsonPatch = MergePatch.ToJsonPatch(patchObject, targetNode).ApplyTo(targetNode);

        viaJsonPatch.ShouldEqualJson(MergePatch.Apply(targetNode, patchObject)?.ToJsonString() ?? "null");
    }

    [Fact]
    public void ToJsonPatch_GeneratesMinimalOperationsWithEscapedPaths()
    {
        var target = Parse("{'Name':'x','Address':{'City':'a'},'Gone':1,'List':[1,2]}")!;
        var patch = Parse("{'Name':'y','Address':{'City':'b','Zip':'1'},'Gone':null,'Missing':null,'a/b':[1],'List':[3],'m~n':{'k':null,'v':1}}")!;

        var operations = MergePatch.ToJsonPatch(patch.AsObject(), target).ToString();

        operations.Should().Be(
            """[{"op":"replace","path":"/Name","value":"y"},""" +
            """{"op":"replace","path":"/Address/City","value":"b"},""" +
            """{"op":"add","path":"/Address/Zip","value":"1"},""" +
            """{"op":"remove","path":"/Gone"},""" +
            """{"op":"add","path":"/a~1b","value":[1]},""" +
            """{"op":"replace","path":"/List","value":[3]},""" +
            """{"op":"add","path":"/m~0n","value":{"v":1}}]""");
    }

    [Fact]
    public void ToJsonPatch_MemberLookup_IsCaseInsensitiveAndUsesTheTargetsName()
    {
        var target = Parse("{'Name':'x','Address':{'City':'a'},'Gone':1}")!;
        var patch = Parse("{'name':'y','address':{'city':'b'},'gone':null}")!.AsObject();

        var jsonPatch = MergePatch.ToJsonPatch(patch, target);

        jsonPatch.Operations.Select(o => $"{o.OpName} {o.Path}").Should().Equal(
            "replace /Name", "replace /Address/City", "remove /Gone");
        jsonPatch.ApplyTo(target)!.ToJsonString().Should().Be("""{"Name":"y","Address":{"City":"b"}}""");
    }

    [Fact]
    public void ToJsonPatch_NullForMissingMember_GeneratesNothing()
    {
        MergePatch.ToJsonPatch(Parse("{'a':null,'b':{'c':null}}")!.AsObject(), Parse("{'b':{}}")!)
            .Operations.Should().BeEmpty();
    }

    [Fact]
    public void ToJsonPatch_NonObjectTarget_ReplacesTheWholeDocument()
    {
        var jsonPatch = MergePatch.ToJsonPatch(Parse("{'a':1,'b':null}")!.AsObject(), Parse("[1]")!);

        jsonPatch.ToString().Should().Be("""[{"op":"replace","path":"","value":{"a":1}}]""");
    }

    [Fact]
    public void ToJsonPatch_DoesNotModifyItsInputs()
    {
        var target = Parse("{'a':{'b':1}}")!;
        var patch = Parse("{'a':{'b':null,'c':{'d':null}}}")!.AsObject();
        var (targetBefore, patchBefore) = (target.ToJsonString(), patch.ToJsonString());

        MergePatch.ToJsonPatch(patch, target).ApplyTo(target);

        target.ToJsonString().Should().Be(targetBefore);
        patch.ToJsonString().Should().Be(patchBefore);
    }
}
