using System.Text.Json.Nodes;
using ContractHarness.Contracts.Tests.Support;

namespace ContractHarness.Contracts.Tests.OpenApi;

public class OpenApiDocumentTests
{
    private static readonly string DocumentPath = Path.Combine(RepoPaths.Contracts, "openapi.json");

    [Fact]
    public void OpenApiDocument_PassesSwaggerParserValidation()
    {
        var (exitCode, output) = OpenApiValidator.Validate(DocumentPath);

        exitCode.Should().Be(0, output);
        output.Should().Contain("valid OpenAPI 3.0.3").And.Contain("5 operations");
    }

    [Fact]
    public void BrokenOpenApiDocument_FailsValidation()
    {
        using var temp = new TempDirectory();
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        document["paths"]!["/api/v1/Contact/{id}"]!["patch"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"] =
            new JsonObject { ["$ref"] = "#/components/schemas/NoSuchSchema" };
        var broken = temp.Combine("openapi.json");
        File.WriteAllText(broken, document.ToJsonString());

        var (exitCode, output) = OpenApiValidator.Validate(broken);

        exitCode.Should().Be(1);
        output.Should().Contain("invalid").And.Contain("NoSuchSchema");
    }

    [Fact]
    public void OpenApiDocument_DescribesEveryOperationWithItsDocumentedStatuses()
    {
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        var paths = document["paths"]!.AsObject();

        paths.Select(p => p.Key).Should().BeEquivalentTo(
            "/api/v1/Contact/{id}", "/api/v1/Document/{id}", "/api/v1/Project/{id}", "/api/v1/Relation/{id}", "/api/v1/Ticket/{id}");
        var contact = paths["/api/v1/Contact/{id}"]!["patch"]!;
        contact["responses"]!.AsObject().Select(r => r.Key).Should().Equal("200", "404", "409", "412");
        contact["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/ContactEntity");
        contact["requestBody"]!["content"]!["application/json-patch+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/JsonPatchDocument");
        contact["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain(["id", "$select", "If-Unmodified-Since", "SO-Language"]);

        var relation = paths["/api/v1/Relation/{id}"]!["put"]!;
        relation["responses"]!.AsObject().Select(r => r.Key).Should().Equal("200", "400", "412");
        relation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/ContactRelationEntityRequest");
        document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Should().BeEquivalentTo("Basic", "SoTicket", "Bearer", "X-XSRF-TOKEN");
    }
}
