using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

public class GeneratorTests
{
    [Fact]
    public void CommittedContracts_MatchWhatThePagesGenerate()
    {
        using var temp = new TempDirectory();
        var written = ContractGenerator.Write(RepoPaths.Source, temp.Path);

        written.Should().Contain(["endpoints.json", "openapi.json", "schemas/ContactEntity.schema.json", "fixtures/TicketEntity.json"]);
        foreach (var file in written)
        {
            File.ReadAllText(temp.Combine(file)).Should().Be(File.ReadAllText(Path.Combine(RepoPaths.Contracts, file)), $"{file} drifted: run 'make contracts'");
        }

        ContractGenerator.StaleFiles(RepoPaths.Source, RepoPaths.Contracts).Should().BeEmpty("contracts/ must be regenerated with 'make contracts'");
    }

    [Fact]
    public void Drift_ReportsChangedAndStaleFiles()
    {
        using var temp = new TempDirectory();
        ContractGenerator.Write(RepoPaths.Source, temp.Path);
        File.AppendAllText(temp.Combine("schemas", "Associate.schema.json"), " ");
        File.WriteAllText(temp.Combine("fixtures", "Leftover.json"), "{}");

        ContractGenerator.StaleFiles(RepoPaths.Source, temp.Path).Should().BeEquivalentTo("schemas/Associate.schema.json", "fixtures/Leftover.json");
    }

    [Fact]
    public void Catalog_RecordsKeysStampsAndStatusesFromThePages()
    {
        var catalog = EndpointCatalog.Load(RepoPaths.Contracts);

        catalog.Endpoints.Select(e => (e.Method, e.Resource, e.Entity, e.PrimaryKey, e.LastUpdateField, e.FixtureId)).Should().Equal(
            ("PATCH", "Contact", "ContactEntity", "ContactId", "UpdatedDate", 66),
            ("PATCH", "Document", "DocumentEntity", "DocumentId", "UpdatedDate", 634),
            ("PATCH", "Project", "ProjectEntity", "ProjectId", "UpdatedDate", 905),
            ("PUT", "Relation", "ContactRelationEntity", "RelationId", "UpdatedDate", 819),
            ("PATCH", "Ticket", "TicketEntity", "TicketId", "LastChanged", 900));
        catalog.Endpoints.Select(e => e.RequestBody.Kind).Should().Equal(
            RequestBodyKind.Patch, RequestBodyKind.Patch, RequestBodyKind.Patch, RequestBodyKind.Entity, RequestBodyKind.Patch);
        catalog.Endpoints.Select(e => e.UpdatedByField).Should().Equal("UpdatedBy", "UpdatedBy", "UpdatedBy", "UpdatedBy", null);
        catalog.Endpoints[3].Responses.Select(r => r.Status).Should().Equal(200, 412, 400);
        catalog.Endpoints[3].Responses.Single(r => r.Status == 400).Description.Should().Be("Bad request. Entity to save is not in request body.");
        catalog.Endpoints[0].AuthorizationSchemes.Should().Equal("Basic", "SoTicket", "Bearer");
        catalog.Endpoints[0].AlternativeAuthorizationHeaders.Should().Equal("X-XSRF-TOKEN");
        catalog.Endpoints[0].PreconditionHeaders.Should().Equal("If-Unmodified-Since");
        catalog.Endpoints[3].RequestBody.ContentTypes.Should().Contain("application/json").And.Contain("application/xml");
    }

    [Fact]
    public void Fixtures_AreThePagesSampleResponses()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", "ContactEntity.json")))!;

        fixture["ContactId"]!.GetValue<int>().Should().Be(66);
        fixture["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
        fixture["UpdatedDate"]!.GetValue<string>().Should().Be("2013-02-21T14:29:29.5607019", "the page's 15:29:29.5607019+01:00 in UTC, without the offset");
    }

    [Fact]
    public void Fixtures_DropSampleWordsWhereTheVendorTypesDateTimes()
    {
        var ticket = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Contracts, "fixtures", "TicketEntity.json")))!;

        ticket["Priority"]!["NonDates"]!.AsArray().Should().BeEmpty("the page's sample holds 'expedita' and 'libero' where the API has date-times");
        ticket["Priority"]!["MonStart"]!.GetValue<string>().Should().Be("2021-09-15T16:25:51.22194");
    }
}
