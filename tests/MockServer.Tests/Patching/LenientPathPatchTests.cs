using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

/// <summary>The SuperOffice deviations from RFC 6901 as seen through whole patches on entity-shaped documents.</summary>
public sealed class LenientPathPatchTests
{
    private const string Contact = """
        {"ContactId":5,"Department":"Sales","Category":{"Id":1,"Value":"Customer"},
         "Emails":[{"Value":"a@example.com","Rank":1}],
         "CustomFields":{"SuperOffice:1":"old","a/b":1,"m~n":2}}
        """;

    [Theory]
    [InlineData("/Department")]
    [InlineData("Department")]
    [InlineData("department")]
    [InlineData("/DEPARTMENT")]
    public void Apply_ReplaceWithAnySpellingOfThePath_ReplacesTheExistingMemberKeepingItsName(string path)
    {
        var result = Apply(Contact, $"[{{'op':'replace','path':'{path}','value':'Support'}}]")!;

        result["Department"]!.GetValue<string>().Should().Be("Support");
        result.AsObject().Select(p => p.Key).Should().Equal("ContactId", "Department", "Category", "Emails", "CustomFields");
    }

    [Fact]
    public void Apply_AddWithDifferentCase_ReplacesTheExistingMemberInsteadOfCreatingASecond()
    {
        var result = Apply("{'foo':'bar'}", "[{'op':'add','path':'/FOO','value':'BAR'}]")!;

        result.ToJsonString().Should().Be("""{"foo":"BAR"}""");
    }

    [Fact]
    public void Apply_AddOfNewMember_UsesTheNameAsWrittenInThePatch()
    {
        Apply("{}", "[{'op':'add','path':'NewMember','value':1}]")!.ToJsonString().Should().Be("""{"NewMember":1}""");
    }

    [Fact]
    public void Apply_RemoveWithDifferentCase_RemovesTheMember()
    {
        Apply("{'Department':'x','Other':1}", "[{'op':'remove','path':'department'}]").ShouldEqualJson("{'Other':1}");
    }

    [Fact]
    public void Apply_TwoMembersDifferingOnlyInCase_ExactMatchWins()
    {
        Apply("{'Name':'pascal','name':'camel'}", "[{'op':'replace','path':'/name','value':'x'}]")!
            .ToJsonString().Should().Be("""{"Name":"pascal","name":"x"}""");
        Apply("{'Name':'pascal','name':'camel'}", "[{'op':'replace','path':'/NAME','value':'x'}]")!
            .ToJsonString().Should().Be("""{"Name":"x","name":"camel"}""");
    }

    [Fact]
    public void Apply_NestedPaths_ResolveCaseInsensitively()
    {
        var result = Apply(
            Contact,
            """
            [{'op':'replace','path':'/category/id','value':2},
             {'op':'test','path':'Category/Id','value':2},
             {'op':'replace','path':'/Emails/0/Value','value':'b@example.com'},
             {'op':'add','path':'/Emails/-','value':{'Value':'c@example.com','Rank':2}},
             {'op':'test','path':'emails/1/value','value':'c@example.com'},
             {'op':'replace','path':'CustomFields/SuperOffice:1','value':'new'},
             {'op':'test','path':'/customfields/a~1b','value':1},
             {'op':'remove','path':'/CustomFields/M~0N'}]
            """)!;

        result["Category"]!["Id"]!.GetValue<int>().Should().Be(2);
        result["Emails"].ShouldEqualJson("[{'Value':'b@example.com','Rank':1},{'Value':'c@example.com','Rank':2}]");
        result["CustomFields"].ShouldEqualJson("{'SuperOffice:1':'new','a/b':1}");
    }

    [Fact]
    public void Apply_TestValueEquality_IsCaseSensitiveForMemberNamesAndStrings()
    {
        // Path resolution is lenient, value equality is not.
        Throws(() => Apply(Contact, "[{'op':'test','path':'/category','value':{'id':1,'value':'Customer'}}]"))
            .ErrorKind.Should().Be(JsonPatchErrorKind.TestFailed);
        Throws(() => Apply(Contact, "[{'op':'test','path':'/department','value':'sales'}]"))
            .ErrorKind.Should().Be(JsonPatchErrorKind.TestFailed);
        Apply(Contact, "[{'op':'test','path':'/category','value':{'Value':'Customer','Id':1}}]").ShouldEqualJson(Contact);
    }

    [Fact]
    public void Apply_EscapedMemberNames_AddNewMembersWithDecodedNames()
    {
        Apply("{}", "[{'op':'add','path':'/a~1b','value':1},{'op':'add','path':'m~0n','value':2},{'op':'add','path':'/~01','value':3}]")!
            .ToJsonString().Should().Be("""{"a/b":1,"m~n":2,"~1":3}""");
    }
}
