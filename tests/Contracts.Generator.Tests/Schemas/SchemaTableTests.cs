using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Generator.Schemas;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Tests.Schemas;

/// <summary>Walks every row of every entity table and checks the committed schema has it, with the mapped type.</summary>
public class SchemaTableTests
{
    public static TheoryData<string> PageFiles => [.. RepoPaths.Pages];

    private static JsonObject SchemaFile(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, name + ".schema.json")))!.AsObject();

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void EntitySchema_HasEveryTableRowWithItsMappedType(string pageFile)
    {
        var page = PageReader.ReadFile(pageFile);
        var schema = SchemaFile(SchemaSetBuilder.EntityName(page));
        var properties = schema["properties"]!.AsObject();

        properties.Select(p => p.Key).Should().Equal(page.ResponseProperties.Select(r => r.Name), "one property per row, in table order");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(page.ResponseProperties.Select(r => r.Name));
        schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse();

        foreach (var row in page.ResponseProperties)
        {
            var property = properties[row.Name]!.AsObject();
            var because = $"{page.FileName} row {row.Line}: {row.Name} | {row.Type}";
            switch (row.Type)
            {
                case "int32":
                    Type(property).Should().Equal(["integer"], because);
                    property["format"]!.GetValue<string>().Should().Be("int32", because);
                    break;
                case "string" when property["enum"] is JsonArray members:
                    // a closed set named by contracts/source/enums.json: never null, never a lorem word
                    Type(property).Should().Equal(["string"], because);
                    members.Should().NotBeEmpty(because);
                    break;
                case "string":
                    Type(property).Should().Equal(["string", "null"], because);
                    break;
                case "date-time":
                    Type(property).Should().Equal(["string"], because);
                    property["pattern"]!.GetValue<string>().Should().Be(DateTimeRule.Pattern, because);
                    property.ContainsKey("format").Should().BeFalse("format: date-time requires an offset, which the API never writes");
                    break;
                case "bool":
                    Type(property).Should().Equal(["boolean"], because);
                    break;
                case "array":
                    Type(property).Should().Equal(["array", "null"], because);
                    property.ContainsKey("items").Should().BeTrue(because);
                    break;
                case "object":
                    (Type(property).SequenceEqual(["object", "null"]) || RefOf(property) is not null).Should().BeTrue(because);
                    break;
                case "":
                    (RefOf(property) is not null || Type(property).SequenceEqual(["object", "null"])).Should().BeTrue(because);
                    break;
                default:
                    RefOf(property).Should().Be(row.Type + ".schema.json", because);
                    File.Exists(Path.Combine(RepoPaths.Schemas, row.Type + ".schema.json")).Should().BeTrue(because);
                    break;
            }

            if (row.Description.Length > 0)
            {
                property["description"]!.GetValue<string>().Should().Be(row.Description, because);
            }
        }
    }

    [Fact]
    public void EntitySchemas_PropertyCountsMatchTheTables()
    {
        var counts = new[] { "ContactEntity", "DocumentEntity", "ProjectEntity", "ContactRelationEntity", "TicketEntity" }
            .ToDictionary(n => n, n => SchemaFile(n)["properties"]!.AsObject().Count);

        counts.Should().Equal(new Dictionary<string, int>
        {
            ["ContactEntity"] = 47,
            ["DocumentEntity"] = 37,
            ["ProjectEntity"] = 34,
            ["ContactRelationEntity"] = 21,
            ["TicketEntity"] = 47,
        });
    }

    internal static string[] Type(JsonObject property) => property["type"] switch
    {
        JsonArray array => [.. array.Select(t => t!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };

    internal static string? RefOf(JsonObject property) =>
        property["$ref"]?.GetValue<string>()
        ?? property["oneOf"]?.AsArray().Select(b => b!["$ref"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
}
