using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

/// <summary>
/// The examples of RFC 6902 Appendix A (the content of the suite's spec_tests.json, which is not vendored).
/// A.6 and A.7 use <c>move</c>, which this engine rejects as unsupported.
/// </summary>
public sealed class Rfc6902AppendixTests
{
    [Theory]
    [InlineData("A.1 adding an object member", "{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}")]
    [InlineData("A.2 adding an array element", "{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}")]
    [InlineData("A.3 removing an object member", "{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}")]
    [InlineData("A.4 removing an array element", "{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}")]
    [InlineData("A.5 replacing a value", "{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}")]
    [InlineData("A.8 testing a value: success", "{'baz':'qux','foo':['a',2,'c']}", "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]", "{'baz':'qux','foo':['a',2,'c']}")]
    [InlineData("A.10 adding a nested member object", "{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]", "{'foo':'bar','child':{'grandchild':{}}}")]
    [InlineData("A.11 ignoring unrecognized elements", "{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]", "{'foo':'bar','baz':'qux'}")]
    [InlineData("A.14 ~ escape ordering", "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}")]
    [InlineData("A.16 adding an array value", "{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}")]
    public void Apply_RfcExample_GivesThePublishedResult(string example, string document, string patch, string expected)
    {
        Apply(document, patch).ShouldEqualJson(expected);
        example.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("A.9 testing a value: error", "{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]", JsonPatchErrorKind.TestFailed)]
    [InlineData("A.12 adding to a nonexistent target", "{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]", JsonPatchErrorKind.PathNotFound)]
    [InlineData("A.15 comparing strings and numbers", "{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]", JsonPatchErrorKind.TestFailed)]
    [InlineData("A.6 moving a value (unsupported)", "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}", "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]", JsonPatchErrorKind.UnsupportedOperation)]
    [InlineData("A.7 moving an array element (unsupported)", "{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", JsonPatchErrorKind.UnsupportedOperation)]
    public void Apply_RfcErrorExample_ThrowsTheMatchingErrorKind(string example, string document, string patch, Enum errorKind) // Enum: the engine's types are internal
    {
        Throws(() => Apply(document, patch)).ErrorKind.Should().Be((JsonPatchErrorKind)errorKind);
        example.Should().NotBeEmpty();
    }
}
