using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Tests.Support;

namespace ContractHarness.Contracts.Generator.Tests.OpenApi;

public class OpenApiBuilderTests
{
    private static readonly string DocumentPath = Path.Combine(RepoPaths.Contracts, "openapi.json");

    [Fact]
    public void OpenApiDocument_PassesSwaggerParserValidation()
    {
        var (exitCode, output) = OpenApiValidator.Validate(DocumentPath);

        exitCode.Should().Be(0, output);
        output.Should().Contain("valid OpenAPI 3.0.3").And.Contain("10 operations");
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
    public void OpenApiDocument_PassesRedoclyLint_WithoutErrorsOrWarnings()
    {
        var (exitCode, output) = OpenApiValidator.Lint(DocumentPath);

        exitCode.Should().Be(0, output);
        output.Should().Contain("Your API description is valid").And.NotMatchRegex(@"You have \d+ warning");
    }

    [Fact]
    public void NullableReferenceWithoutType_FailsRedoclyLint()
    {
        // The form the document had: 'nullable' beside a bare reference, which OpenAPI 3.0 tools refuse.
        using var temp = new TempDirectory();
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        var (name, _) = document["components"]!["schemas"]!["ContactEntity"]!["properties"]!.AsObject().First(p => p.Value!["anyOf"] is not null);
        document["components"]!["schemas"]!["ContactEntity"]!["properties"]![name] = JsonNode.Parse("""{"nullable": true, "allOf": [{"$ref": "#/components/schemas/Associate"}]}""");
        var broken = temp.Combine("openapi.json");
        File.WriteAllText(broken, document.ToJsonString());

        var (exitCode, output) = OpenApiValidator.Lint(broken);

        exitCode.Should().Be(1, output);
        output.Should().Contain("nullable").And.Contain("1 error");
    }

    [Fact]
    public void OpenApiDocument_NeverUsesNullableWithoutType()
    {
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;

        Descendants(document).OfType<JsonObject>().Where(o => o["nullable"] is not null)
            .Should().NotBeEmpty().And.OnlyContain(o => o["type"] != null);
    }

    [Fact]
    public void OpenApiDocument_DescribesEveryOperationWithEveryStatusTheServerAnswers()
    {
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;
        var paths = document["paths"]!.AsObject();

        paths.Select(p => p.Key).Should().BeEquivalentTo(
            "/api/v1/Contact/{id}", "/api/v1/Document/{id}", "/api/v1/Project/{id}", "/api/v1/Relation/{id}", "/api/v1/Ticket/{id}");
        paths.Select(p => string.Join(",", p.Value!.AsObject().Select(o => o.Key))).Should().OnlyContain(m => m == "get,patch" || m == "get,put");
        var contact = paths["/api/v1/Contact/{id}"]!["patch"]!;
        Statuses(contact).Should().Equal("200", "400", "401", "404", "409", "412", "413", "415", "503");
        contact["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/ContactEntity");
        contact["responses"]!["415"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/Error");
        contact["responses"]!["401"]!["headers"]!["WWW-Authenticate"].Should().NotBeNull();
        contact["requestBody"]!["content"]!["application/json-patch+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/JsonPatchDocument");
        ParameterNames(contact).Should().Contain(["id", "$select", "If-Unmodified-Since", "SO-Language"]).And.NotContain("X-XSRF-TOKEN");

        var relation = paths["/api/v1/Relation/{id}"]!["put"]!;
        Statuses(relation).Should().Equal("200", "400", "401", "404", "412", "413", "415", "503");
        relation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/ContactRelationEntityRequest");

        var read = paths["/api/v1/Ticket/{id}"]!["get"]!;
        read["operationId"]!.GetValue<string>().Should().Be("v1TicketEntity_GetTicketEntity");
        Statuses(read).Should().Equal("200", "304", "400", "401", "404", "503");
        read["responses"]!["304"]!["content"].Should().BeNull("a 304 has no body");
        read["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key).Should().Equal("Last-Modified", "ETag", "Cache-Control");
        ParameterNames(read).Should().Contain(["id", "$select", "If-Modified-Since", "If-None-Match"]);
    }

    [Theory]
    [InlineData("Contact", 66)]
    [InlineData("Document", 634)]
    [InlineData("Project", 905)]
    [InlineData("Relation", 819)]
    [InlineData("Ticket", 900)]
    public void IdParameters_HaveThePageSampleIdAsExample(string resource, int id)
    {
        var document = JsonNode.Parse(File.ReadAllText(DocumentPath))!;

        foreach (var (_, operation) in document["paths"]![$"/api/v1/{resource}/{{id}}"]!.AsObject())
        {
            operation!["parameters"]!.AsArray().Single(p => p!["in"]!.GetValue<string>() == "path")!["example"]!.GetValue<int>().Should().Be(id);
        }
    }

    [Fact]
    public void SecuritySchemes_DescribeTheAuthorizationForms()
    {
        var schemes = JsonNode.Parse(File.ReadAllText(DocumentPath))!["components"]!["securitySchemes"]!;

        schemes.AsObject().Select(s => s.Key).Should().BeEquivalentTo("Basic", "SoTicket", "Bearer", "X-XSRF-TOKEN");
        schemes["Basic"]!["type"]!.GetValue<string>().Should().Be("http");
        schemes["Basic"]!["scheme"]!.GetValue<string>().Should().Be("basic");
        schemes["Bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        // SoTicket is not a registered HTTP authentication scheme: an API key in the Authorization header.
        schemes["SoTicket"]!["type"]!.GetValue<string>().Should().Be("apiKey");
        schemes["SoTicket"]!["in"]!.GetValue<string>().Should().Be("header");
        schemes["SoTicket"]!["name"]!.GetValue<string>().Should().Be("Authorization");
        schemes["X-XSRF-TOKEN"]!["name"]!.GetValue<string>().Should().Be("X-XSRF-TOKEN");
    }

    private static IEnumerable<string> Statuses(JsonNode operation) => operation["responses"]!.AsObject().Select(r => r.Key);

    private static IEnumerable<string> ParameterNames(JsonNode operation) =>
        operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());

    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => [a, .. a.SelectMany(Descendants)],
        null => [],
        _ => [node],
    };
}
