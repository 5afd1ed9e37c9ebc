using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

/// <summary>make drift: the committed contracts against the vendor's description and against small synthetic documents.</summary>
public class DriftReportTests
{
    private static readonly string VendorCopy = Path.Combine(RepoPaths.Contracts, "vendor", "superoffice-webapi-v1.swagger.json");

    [Fact]
    public void AgainstTheVendorCopy_NoTypeDisagreement_AndTheNewerPropertiesAreListed()
    {
        var report = DriftReport.Compare(RepoPaths.Contracts, VendorCopy);

        report.TypeDisagreements.Should().Be(0, report.Text);
        report.EnumDisagreements.Should().Be(0, "contracts/source/enums.json holds the vendor's members: " + report.Text);
        report.ExitCode.Should().Be(0);
        report.Text.Should().Contain("ContactEntity = SuperOffice.WebApi.v1.Carriers.ContactCarriers.ContactEntityWithLinks:")
            .And.Contain("  only theirs: UtmParameters (SuperOffice.CRM.Services.SavedUtmParameters)")
            .And.Contain("  only theirs: StartDate (date-time)")
            .And.Contain("TicketPriority = SuperOffice.CRM.Services.TicketPriorityEntity: no drift.");
    }

    [Fact]
    public void Swagger2_OnlyOurs_OnlyTheirs_TypeAndEnumDisagreements_AreReported_AndTheTypeFails()
    {
        using var temp = new TempDirectory();
        var vendor = temp.Combine("swagger.json");
        File.WriteAllText(vendor, """
            {
              "swagger": "2.0",
              "paths": {
                "/api/v1/ticket/{id}": { "get": { "responses": { "200": { "schema": { "$ref": "#/definitions/Ticket" } } } } }
              },
              "definitions": {
                "Ticket": { "properties": {
                  "TicketId": { "type": "integer", "format": "int32" },
                  "Title": { "type": "integer" },
                  "BaseStatus": { "type": "string", "enum": ["Active", "Closed", "Archived"] },
                  "CreatedAt": { "type": "string", "format": "date-time" },
                  "Tags": { "type": "array", "items": { "$ref": "#/definitions/Tag" } },
                  "Mood": { "type": "string" }
                } },
                "Tag": { "properties": { "Id": { "type": "integer" }, "Name": { "type": "boolean" } } }
              }
            }
            """);

        var report = DriftReport.Compare(RepoPaths.Contracts, vendor);

        report.Text.Should().Contain("  type:        Title: ours string, theirs integer")
            .And.Contain("  type:        Name: ours string, theirs boolean", "the Tag carriers are paired through the Tags items")
            .And.Contain("  only theirs: Mood (string)")
            .And.Contain("  only ours:   LastChanged (date-time)")
            .And.Contain("  enum:        BaseStatus: members only ours: Unknown, Postponed")
            .And.Contain("only theirs: Archived")
            .And.Contain("ContactEntity: the vendor document has no 200 answer for /api/v1/Contact/{id}.");
        report.Text.Should().NotContain("CreatedAt:", "a format date-time agrees with the rule's pattern");
        report.TypeDisagreements.Should().Be(2);
        report.EnumDisagreements.Should().Be(1);
        report.ExitCode.Should().Be(1);
    }

    [Fact]
    public void OpenApi3_NullableReferencesAndOnlyTheirs_DoNotFail()
    {
        using var temp = new TempDirectory();
        var vendor = temp.Combine("openapi.json");
        File.WriteAllText(vendor, """
            {
              "openapi": "3.0.3",
              "paths": {
                "/api/v1/Document/{id}": { "patch": { "responses": { "200": { "content": { "application/json": {
                  "schema": { "$ref": "#/components/schemas/DocumentEntityWithLinks" } } } } } } }
              },
              "components": { "schemas": {
                "DocumentEntityWithLinks": { "type": "object", "properties": {
                  "DocumentId": { "type": "integer" },
                  "Associate": { "nullable": true, "allOf": [ { "$ref": "#/components/schemas/Associate" } ] },
                  "Type": { "type": "string" },
                  "Watermark": { "type": "string" }
                } },
                "Associate": { "type": "object", "properties": { "Type": { "type": "string", "enum": ["Unknown", "InternalAssociate", "ResourceAssociate", "ExternalAssociate", "AnonymousAssociate", "SystemAssociate"] } } }
              } }
            }
            """);

        var report = DriftReport.Compare(RepoPaths.Contracts, vendor);

        report.Text.Should().Contain("(OpenAPI 3.0.3)")
            .And.Contain("  only theirs: Watermark (string)")
            .And.Contain("  enum:        Type: ours is an enumeration (Unknown, inDiary")
            .And.Contain("Associate = Associate:");
        report.Text.Should().NotContain("  enum:        Type: ours is an enumeration (Unknown, InternalAssociate", "the Associate members agree");
        report.TypeDisagreements.Should().Be(0, report.Text);
        report.ExitCode.Should().Be(0);
    }

    [Fact]
    public void ADocumentThatIsNoApiDescription_IsRefused()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("x.json"), """{"paths": {}}""");

        var compare = () => DriftReport.Compare(RepoPaths.Contracts, temp.Combine("x.json"));

        compare.Should().Throw<InvalidDataException>().WithMessage("*neither Swagger 2.0*");
    }
}
