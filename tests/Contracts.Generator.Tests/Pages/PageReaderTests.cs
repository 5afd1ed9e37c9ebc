using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Pages;

public class PageReaderTests
{
    public static TheoryData<string> PageFiles => [.. RepoPaths.Pages.Select(Path.GetFileName).OfType<string>()];

    private static ReferencePage Read(string file) => PageReader.ReadFile(Path.Combine(RepoPaths.Source, file));

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void Read_EveryPage_FindsOperationTablesAndSamples(string file)
    {
        var page = Read(file);

        page.Id.Should().MatchRegex("^v1[A-Za-z]+Entity_[A-Za-z]+$");
        page.Method.Should().BeOneOf("PATCH", "PUT");
        page.Route.Should().MatchRegex(@"^/api/v1/[A-Za-z]+/\{id\}$");
        page.PathParameters.Should().ContainSingle(p => p.Name == "id" && p.Type == "int32" && p.Required);
        page.QueryParameters.Should().ContainSingle(p => p.Name == "$select");
        page.RequestHeaders.Select(h => h.Name).Should().Contain(["Authorization", "X-XSRF-TOKEN", "Content-Type", "Accept", "SO-AppToken"]);
        page.Responses.Select(r => r.Status).Should().Contain([200, 412]);
        page.ResponseProperties.Should().HaveCountGreaterThan(15);
        page.SampleResponse!.Status.Should().Be(200);
        page.SampleResponse.Body.Should().NotBeNull();
        page.SampleRequest.Should().NotBeNull();
    }

    [Fact]
    public void Read_FrontMatterWithUidOrId_BothGiveTheId()
    {
        Read("000_a1c41e4d1c49fbb4.md").Id.Should().Be("v1ContactEntity_PatchContactEntity"); // uid:
        Read("001_2e9b224f18b68f58.md").Id.Should().Be("v1DocumentEntity_PatchDocumentEntity"); // id:
    }

    [Fact]
    public void Read_ResponseBodyAsHeadingOrAsParagraph_BothFindTheEntityTable()
    {
        var contact = Read("000_a1c41e4d1c49fbb4.md");
        var ticket = Read("004_9c364a1a49c22b63.md");

        contact.ResponseCarrier.Should().Be("ContactEntityWithLinks");
        contact.ResponseProperties.Should().HaveCount(47);
        ticket.ResponseCarrier.Should().Be("object");
        ticket.ResponseProperties.Should().HaveCount(47);
        ticket.ResponseProperties[0].Name.Should().Be("TicketId");
    }

    [Theory]
    [InlineData("000_a1c41e4d1c49fbb4.md", "changes", true)]  // "## Request Body: changes string"
    [InlineData("002_0eea0a698122f792.md", "changes", true)]  // "## Request Body: changes " (no type word)
    [InlineData("003_bc1b54ba8c6a76bb.md", "entity", false)]  // "## Request Body: entity"
    public void Read_RequestBodyHeadingVariants_GiveNameAndKind(string file, string name, bool isPatch)
    {
        var body = Read(file).RequestBody;

        body.Name.Should().Be(name);
        body.IsPatchDocument.Should().Be(isPatch);
        body.Description.Should().NotBeEmpty();
    }

    [Fact]
    public void Read_SampleRequestHeadingInEitherCase_FindsTheSample()
    {
        Read("000_a1c41e4d1c49fbb4.md").SampleRequest!.StartLine.Should().Be("PATCH /api/v1/Contact/{id}"); // "Sample request"
        Read("003_bc1b54ba8c6a76bb.md").SampleRequest!.Body!["RelationId"]!.GetValue<int>().Should().Be(918); // "Sample Request"
    }

    [Fact]
    public void Read_Descriptions_AreCleanedOfMarkupAndEntities()
    {
        var rows = RepoPaths.Pages.Select(PageReader.ReadFile).SelectMany(p => p.ResponseProperties).ToList();

        rows.Should().OnlyContain(r => !r.Description.Contains('<') && !r.Description.Contains('>') && !r.Description.Contains("&amp;") && !r.Description.Contains("&apos;"));
        var ticket = Read("004_9c364a1a49c22b63.md").ResponseProperties;
        ticket.Single(r => r.Name == "ConnectId").Description.Should().Be("If a ticket is connected to another ticket, this field is set to the id of the 'master' ticket.");
        var contact = Read("000_a1c41e4d1c49fbb4.md").ResponseProperties;
        contact.Single(r => r.Name == "SupportPerson").Description.Should().Be("Carrier object for Person. Services for the Person Carrier is available from the Person Agent.");
        contact.Single(r => r.Name == "Interests").Description.Should().Be("The contact's available and selected interests. Use MDO List name \"contint\" to get list items.");
    }

    [Theory]
    [InlineData("<para>Use MDO List name \"x\".</para>", "Use MDO List name \"x\".")]
    [InlineData("Carrier. <para /> Next", "Carrier. Next")]
    [InlineData("from the <see cref=\"T:SuperOffice.CRM.Services.IPersonAgent\">Person Agent</see>.", "from the Person Agent.")]
    [InlineData("see <see cref=\"P:A.B.UserDefinedFields\"/> here", "see UserDefinedFields here")]
    [InlineData("first <br />second", "first second")]
    [InlineData("the &amp;apos;master&amp;apos; ticket", "the 'master' ticket")]
    [InlineData("", "")]
    public void Clean_Markup_GivesPlainText(string raw, string expected) =>
        DescriptionText.Clean(raw).Should().Be(expected);
}
