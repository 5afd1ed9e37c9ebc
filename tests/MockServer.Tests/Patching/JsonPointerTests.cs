using ContractHarness.MockServer.Patching;
using static ContractHarness.MockServer.Tests.Patching.PatchJson;

namespace ContractHarness.MockServer.Tests.Patching;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("/department", new[] { "department" })]
    [InlineData("department", new[] { "department" })]
    [InlineData("/Category/Id", new[] { "Category", "Id" })]
    [InlineData("Category/Id", new[] { "Category", "Id" })]
    [InlineData("/Emails/-", new[] { "Emails", "-" })]
    [InlineData("/", new[] { "" })]
    [InlineData("//", new[] { "", "" })]
    [InlineData("/foo/", new[] { "foo", "" })]
    [InlineData("/a~1b", new[] { "a/b" })]
    [InlineData("/m~0n", new[] { "m~n" })]
    [InlineData("/~01", new[] { "~1" })]
    [InlineData("/~10", new[] { "/0" })]
    [InlineData("CustomFields/SuperOffice:1", new[] { "CustomFields", "SuperOffice:1" })]
    public void Parse_DecodesSegments_WithOrWithoutLeadingSlash(string path, string[] expected)
    {
        JsonPointer.Parse(path).Segments.Should().Equal(expected);
    }

    [Fact]
    public void Parse_EmptyString_IsTheWholeDocument()
    {
        var pointer = JsonPointer.Parse("");

        pointer.IsRoot.Should().BeTrue();
        pointer.Segments.Should().BeEmpty();
        pointer.ToString().Should().BeEmpty();
        pointer.Should().BeSameAs(JsonPointer.Root);
    }

    [Theory]
    [InlineData("department", "/department")]
    [InlineData("/department", "/department")]
    [InlineData("Category/Id", "/Category/Id")]
    [InlineData("a~1b/m~0n", "/a~1b/m~0n")]
    [InlineData("/", "/")]
    public void ToString_GivesNormalisedFormWithLeadingSlash(string path, string expected)
    {
        JsonPointer.Parse(path).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("/a~")]
    [InlineData("/a~2")]
    [InlineData("~")]
    [InlineData("/a/~x/b")]
    public void Parse_InvalidTildeEscape_ThrowsFormatException(string path)
    {
        FluentActions.Invoking(() => JsonPointer.Parse(path)).Should().Throw<FormatException>();
        JsonPointer.TryParse(path, out var pointer).Should().BeFalse();
        pointer.Should().BeNull();
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        JsonPointer.TryParse(null, out var pointer).Should().BeFalse();
        pointer.Should().BeNull();
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b", "a~1b")]
    [InlineData("m~n", "m~0n")]
    [InlineData("~/", "~0~1")]
    [InlineData("/~", "~1~0")]
    public void Escape_EncodesTildeBeforeSlash(string segment, string expected)
    {
        JsonPointer.Escape(segment).Should().Be(expected);
        JsonPointer.FromSegments(segment).ToString().Should().Be("/" + expected);
        JsonPointer.Parse("/" + expected).Segments.Should().Equal(segment);
    }

    [Fact]
    public void Append_AddsOneEscapedSegment_WithoutChangingTheOriginal()
    {
        var parent = JsonPointer.Parse("/Emails");

        var child = parent.Append("0").Append("a/b");

        child.ToString().Should().Be("/Emails/0/a~1b");
        parent.ToString().Should().Be("/Emails");
    }

    [Fact]
    public void FromSegments_NoSegments_IsRoot()
    {
        JsonPointer.FromSegments().Should().BeSameAs(JsonPointer.Root);
    }

    [Theory]
    [InlineData("/Department", "\"sales\"")]
    [InlineData("Department", "\"sales\"")]
    [InlineData("department", "\"sales\"")]
    [InlineData("/DEPARTMENT", "\"sales\"")]
    [InlineData("/Category/Id", "7")]
    [InlineData("category/id", "7")]
    [InlineData("/Emails/0/Value", "\"a@example.com\"")]
    [InlineData("emails/1/value", "\"b@example.com\"")]
    [InlineData("CustomFields/SuperOffice:1", "\"x\"")]
    [InlineData("/customfields/superoffice:1", "\"x\"")]
    [InlineData("/a~1b", "1")]
    [InlineData("/m~0n", "2")]
    [InlineData("", "{}")]
    public void TryEvaluate_ResolvesCaseInsensitively_WithOptionalLeadingSlash(string path, string expectedJson)
    {
        var document = Parse("""
            {"Department":"sales","Category":{"Id":7},
             "Emails":[{"Value":"a@example.com"},{"Value":"b@example.com"}],
             "CustomFields":{"SuperOffice:1":"x"},"a/b":1,"m~n":2}
            """);

        JsonPointer.Parse(path).TryEvaluate(document, out var value).Should().BeTrue();

        if (path.Length == 0)
        {
            value.Should().BeSameAs(document);
        }
        else
        {
            value.ShouldEqualJson(expectedJson);
        }
    }

    [Theory]
    [InlineData("/name", "exact")]
    [InlineData("/Name", "pascal")]
    [InlineData("/NAME", "pascal")]
    [InlineData("/nAmE", "pascal")]
    public void TryEvaluate_ExactCaseMatchWins_ElseFirstCaseInsensitiveMatch(string path, string expected)
    {
        var document = Parse("{'Name':'pascal','name':'exact'}");

        JsonPointer.Parse(path).TryEvaluate(document, out var value).Should().BeTrue();

        value!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/Emails/2")]
    [InlineData("/Emails/-")]
    [InlineData("/Emails/01")]
    [InlineData("/Emails/1e0")]
    [InlineData("/Emails/-1")]
    [InlineData("/Emails/99999999999999999999")]
    [InlineData("/Emails/x")]
    [InlineData("/Emails/0/Value/deeper")]
    [InlineData("/Nothing/Id")]
    public void TryEvaluate_MissingOrInvalidLocation_ReturnsFalse(string path)
    {
        var document = Parse("{'Emails':[{'Value':'a'},{'Value':'b'}],'Nothing':null}");

        JsonPointer.Parse(path).TryEvaluate(document, out var value).Should().BeFalse();
        value.Should().BeNull();
    }

    [Fact]
    public void TryEvaluate_ExistingNullMember_ReturnsTrueWithNull()
    {
        JsonPointer.Parse("/Nothing").TryEvaluate(Parse("{'Nothing':null}"), out var value).Should().BeTrue();
        value.Should().BeNull();
    }

    [Fact]
    public void TryEvaluate_NumericTokenOnObject_IsAMemberName()
    {
        JsonPointer.Parse("/0").TryEvaluate(Parse("{'0':'zero'}"), out var value).Should().BeTrue();
        value!.GetValue<string>().Should().Be("zero");
    }
}
