using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class MergePatchApplyTests
{
    /// <summary>RFC 7396 Appendix A, in order (original, patch, result).</summary>
    public static TheoryData<string, string, string> AppendixA => new()
    {
        { "{'a':'b'}", "{'a':'c'}", "{'a':'c'}" },
        { "{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}" },
        { "{'a':'b'}", "{'a':null}", "{}" },
        { "{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}" },
        { "{'a':['b']}", "{'a':'c'}", "{'a':'c'}" },
        { "{'a':'c'}", "{'a':['b']}", "{'a':['b']}" },
        { "{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}" },
        { "{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}" },
        { "['a','b']", "['c','d']", "['c','d']" },
        { "{'a':'b'}", "['c']", "['c']" },
        { "{'a':'foo'}", "null", "null" },
        { "{'a':'foo'}", "'bar'", "'bar'" },
        { "{'e':null}", "{'a':1}", "{'e':null,'a':1}" },
        { "[1,2]", "{'a':'b','c':null}", "{'a':'b'}" },
        { "{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}" },
    };

    [Theory]
    [MemberData(nameof(AppendixA))]
    public void Apply_Rfc7396AppendixA_GivesThePublishedResult(string original, string patch, string expected)
    {
        MergePatch.Apply(Parse(original), Parse(patch)).ShouldEqualJson(expected);
    }

    [Fact]
    public void Apply_Rfc7396Section3Example_GivesThePublishedResult()
    {
        var target = Parse("""
            {"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},
             "tags":["example","sample"],"content":"This will be unchanged"}
            """);
        var patch = Parse("""
            {"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]}
            """);

        MergePatch.Apply(target, patch).ShouldEqualJson("""
            {"title":"Hello!","author":{"givenName":"John"},"tags":["example"],
             "content":"This will be unchanged","phoneNumber":"+01-123-456-7890"}
            """);
    }

    [Fact]
    public void Apply_NeverModifiesItsInputs_AndSharesNoNodesWithThem()
    {
        var target = Parse("{'a':{'b':1},'keep':[1]}")!;
        var patch = Parse("{'a':{'c':[2]},'new':{'x':null,'y':1}}")!;
        var (targetBefore, patchBefore) = (target.ToJsonString(), patch.ToJsonString());

        var result = MergePatch.Apply(target, patch)!;

        target.ToJsonString().Should().Be(targetBefore);
        patch.ToJsonString().Should().Be(patchBefore);
        result.ShouldEqualJson("{'a':{'b':1,'c':[2]},'keep':[1],'new':{'y':1}}");
        result["keep"].Should().NotBeSameAs(target["keep"]);
        result["a"]!["c"].Should().NotBeSameAs(patch["a"]!["c"]);
    }

    [Fact]
    public void Apply_MemberNames_AreMatchedExactlyAsRfc7396Says()
    {
        MergePatch.Apply(Parse("{'Name':'x'}"), Parse("{'name':'y'}")).ShouldEqualJson("{'Name':'x','name':'y'}");
        MergePatch.Apply(Parse("{'Name':'x'}"), Parse("{'name':null}")).ShouldEqualJson("{'Name':'x'}");
    }

    [Fact]
    public void Apply_NullTarget_IsTreatedAsEmptyObjectForObjectPatches()
    {
        MergePatch.Apply(null, Parse("{'a':1,'b':null}")).ShouldEqualJson("{'a':1}");
    }
}
