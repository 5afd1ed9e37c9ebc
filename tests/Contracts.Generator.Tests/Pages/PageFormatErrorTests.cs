using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Pages;

public class PageFormatErrorTests
{
    private static string Contact => File.ReadAllText(Path.Combine(RepoPaths.Source, "000_a1c41e4d1c49fbb4.md"));

    private static int LineOf(string text, string needle) =>
        text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void Read_BrokenSampleJson_NamesPageAndLine()
    {
        var broken = Contact.Replace("\"ContactId\": 66,", "\"ContactId\": 66,,", StringComparison.Ordinal);

        var act = () => PageReader.Read("broken.md", broken);

        var error = act.Should().Throw<PageFormatException>().Which;
        error.FileName.Should().Be("broken.md");
        error.Line.Should().Be(LineOf(broken, "\"ContactId\": 66,,"));
        error.Message.Should().StartWith($"broken.md:{error.Line}: the sample body is not valid JSON");
    }

    [Fact]
    public void Read_MissingEntityTable_FailsNamingThePage()
    {
        var start = Contact.IndexOf("### Response body", StringComparison.Ordinal);
        var end = Contact.IndexOf("## Sample request", StringComparison.Ordinal);
        var broken = Contact[..start] + Contact[end..];

        var act = () => PageReader.Read("no-table.md", broken);

        act.Should().Throw<PageFormatException>().WithMessage("no-table.md:*: no 'Response body' entity table");
    }

    [Fact]
    public void Read_UnknownTable_NamesItsLine()
    {
        var broken = Contact.Replace("## Query String Parameters", "## Query String Parameters\n\n| Foo | Bar |\n|---|---|\n| 1 | 2 |\n", StringComparison.Ordinal);

        var act = () => PageReader.Read("odd.md", broken);

        act.Should().Throw<PageFormatException>()
            .Where(e => e.Line == LineOf(broken, "| Foo | Bar |"))
            .WithMessage("*unrecognised table with columns 'foo | bar'*");
    }

    [Fact]
    public void Read_NoFrontMatterId_Fails()
    {
        var broken = Contact.Replace("uid: v1ContactEntity_PatchContactEntity\n", string.Empty, StringComparison.Ordinal);

        var act = () => PageReader.Read("anon.md", broken);

        act.Should().Throw<PageFormatException>().WithMessage("anon.md:1: front matter has neither 'uid' nor 'id'");
    }

    [Fact]
    public void Read_StatusTableWithText_NamesTheRow()
    {
        var broken = Contact.Replace("| 404 | ContactEntity with given id", "| four-oh-four | ContactEntity with given id", StringComparison.Ordinal);

        var act = () => PageReader.Read("status.md", broken);

        act.Should().Throw<PageFormatException>()
            .Where(e => e.Line == LineOf(broken, "| four-oh-four"))
            .WithMessage("*expected a status code*four-oh-four*");
    }
}
