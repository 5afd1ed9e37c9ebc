using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.ContractTests.Client;
using ContractHarness.Pact;
using ContractHarness.Pact.Matchers;
using ContractHarness.Pact.Schema;

namespace SuperOfficeClientApp.ContractTests;

/// <summary>
/// The consumer example of docs/pact.md, compiled here and included in the page verbatim between the README markers
/// (<see cref="ReadmeSnippetTests"/> fails when the two differ); <see cref="ReadmeExampleTests"/> runs it end to end.
/// It sits in a namespace of its own, as it would in a consumer's test project.
/// </summary>
public static class ConsumerExample
{
    // README: consumer
    /// <summary>A consumer test: writes SuperOfficeWebClient-SuperOfficeWebApi.json into pactDir.</summary>
    /// <param name="contracts">The contracts folder (schemas and fixtures), e.g. "contracts".</param>
    /// <param name="pactDir">Where the pact is written, e.g. "contracts/pacts".</param>
    public static async Task PatchContact_ChangesItsName(string contracts, string pactDir)
    {
        // the page's sample ContactEntity: it decides which fields the answer has; its schema decides how each is matched
        var sampleContact = JsonNode.Parse(File.ReadAllText(Path.Combine(contracts, "fixtures", "ContactEntity.json")))!;
        sampleContact["Name"] = "Acme";

        var pact = Pact.V4("SuperOfficeWebClient", "SuperOfficeWebApi", new PactConfig { PactDir = pactDir })
            .WithHttpInteractions();
        pact.UponReceiving("a JSON Patch that changes a Contact's name")
            .Given("Contact exists", new { id = 66 })
            .WithRequest(HttpMethod.Patch, Match.FromProviderState("/api/v1/Contact/${id}", "/api/v1/Contact/66"))
            .WithHeader("Authorization", Match.Regex("Basic dGplMDpUamUw", "^(Basic|Bearer|SoTicket) .+$"))
            .WithJsonBody(new[] { new { op = "replace", path = "/Name", value = "Acme" } }, "application/json-patch+json")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(SchemaMatchers.FromSchemaFile(Path.Combine(contracts, "schemas", "ContactEntity.schema.json"), sampleContact,
                new SchemaMatcherOptions
                {
                    Overrides = { ["Name"] = "Acme" },  // pinned: the consumer relies on the new value
                    OmitNullProperties = true,          // the sample's nulls (UpdatedBy, ...) are filled by a real provider
                    IgnoredProperties = { "TableRight", "FieldProperties" }, // access rights differ per user
                })!);

        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            var result = await new SuperOfficeClient(http).PatchAsync("Contact", 66, [PatchOperation.Replace("/Name", "Acme")]);
            if (result.Status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"expected 200, got {result.Status}");
            }
        });
    }
    // README: end
}
