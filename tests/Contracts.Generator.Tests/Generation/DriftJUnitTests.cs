using System.Diagnostics;
using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Reporting;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

/// <summary>make drift JUNIT=FILE: one case per entity or carrier, failed on a type disagreement.</summary>
public sealed class DriftJUnitTests
{
    [Fact]
    public void TypeDisagreements_FailTheirPair_AndAnEntityNotCompared_IsSkipped()
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
                  "Tags": { "type": "array", "items": { "$ref": "#/definitions/Tag" } }
                } },
                "Tag": { "properties": { "Id": { "type": "integer" }, "Name": { "type": "string" } } }
              }
            }
            """);
        var report = DriftReport.Compare(RepoPaths.Contracts, vendor);

        var xml = JUnitXml.Parse(JUnitWriter.ToXml(DriftJUnit.From(report)));

        xml.Suites.Single().Name.Should().Be("contracts against swagger.json");
        xml.Failures.Should().Be(1, "one pair has a type disagreement");
        var ticket = xml.Cases.Single(c => c.Name == "TicketEntity = Ticket");
        ticket.Should().BeEquivalentTo(new { Outcome = "failure", Type = "type-disagreement", Message = "1 type disagreement: Title: ours string, theirs integer" });
        ticket.Text.Should().Contain("enum:        BaseStatus:").And.Contain("only ours:");
        xml.Cases.Single(c => c.Name == "Tag = Tag").Outcome.Should().Be("passed");
        xml.Cases.Single(c => c.Name == "ContactEntity").Should().BeEquivalentTo(new { Outcome = "skipped", Message = "the vendor document has no 200 answer for /api/v1/Contact/{id}." });
        xml.Tests.Should().Be(report.Pairs.Count);
    }

    [Fact]
    public async Task TheDriftCommand_WithJunit_WritesTheFile_AfterItsReport()
    {
        using var temp = new TempDirectory();
        var junit = temp.Combine("reports", "drift.xml");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ContractHarness.Contracts.Generator.dll"), "drift",
            "--vendor", Path.Combine(RepoPaths.Contracts, "vendor", "superoffice-webapi-v1.swagger.json"), "--out", RepoPaths.Contracts, "--junit", junit])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, output);
        output.Should().Contain("0 type disagreements").And.EndWith($"JUnit report: {junit}\n");
        JUnitXml.Read(junit).Should().BeEquivalentTo(new { Name = "make drift", Failures = 0 });
    }

    [Fact]
    public void AgainstTheVendorCopy_EveryPairPasses()
    {
        var report = DriftReport.Compare(RepoPaths.Contracts, Path.Combine(RepoPaths.Contracts, "vendor", "superoffice-webapi-v1.swagger.json"));

        var xml = JUnitXml.Parse(JUnitWriter.ToXml(DriftJUnit.From(report)));

        xml.Failures.Should().Be(0);
        xml.Tests.Should().BeGreaterThan(5, "five entities and their carriers");
        xml.Cases.Single(c => c.Name.StartsWith("ContactEntity = ", StringComparison.Ordinal)).SystemOut.Should().Contain("only theirs: UtmParameters");
    }
}
