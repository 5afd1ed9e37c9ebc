using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator;
using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Contracts.Generator.Tests.Generation;

/// <summary>A new page in the same format becomes a schema, a catalog entry and an OpenAPI operation with no code change.</summary>
public class SixthPageTests : IDisposable
{
    private const string WidgetPage = """
        ---
        title: PATCH Widget/{id}
        id: v1WidgetEntity_PatchWidgetEntity
        ---

        # PATCH Widget/{id}

        ```http
        PATCH /api/v1/Widget/{id}
        ```

        Update a WidgetEntity with changes, as described in a JSON Patch or a JSON Merge Patch document.

        | Path Part | Type | Description |
        |-----------|------|-------------|
        | id | int32 | The WidgetEntity id to update. **Required** |

        ## Query String Parameters

        | Parameter Name | Type |  Description |
        |----------------|------|--------------|
        | $select | string |  Optional comma separated list of properties to include in the result. |

        ## Request Headers

        | Parameter Name | Description |
        |----------------|-------------|
        | Authorization  | Supports 'Basic' and 'Bearer' schemes. |
        | Accept         | Content-type(s) you would like the response in: `application/json`, `application/json-patch+json` |

        ## Request Body: changes string

        JSON-Patch array of operations+path+value.

        | Property Name | Type |  Description |
        |----------------|------|--------------|
        | op | string | "add", "replace", "remove", "test" |
        | path | string | The property names to modify. |
        | value | object | New/Replaced value - string or object. |

        ## Response: object

        | Response | Description |
        |----------------|-------------|
        | 200 | WidgetEntity updated. |
        | 404 | WidgetEntity with given id does not exist in the db. |
        | 412 | Update aborted because WidgetEntity has changed since the requested If-Unmodified-Since timestamp. |

        Response body: object

        | Property Name | Type |  Description |
        |----------------|------|--------------|
        | WidgetId | int32 | Primary key |
        | Label | string | The <para>widget's</para> label |
        | Modified | date-time | The last time the widget was modified. |
        | Maker |  | Carrier object for Associate. |
        | Parts | array | The parts |
        | _Links | object |  |

        ## Sample Request

        ```http!
        PATCH /api/v1/Widget/{id}
        Content-Type: application/json; charset=utf-8

        [ { "op": "replace", "path": "Label", "value": "x" } ]
        ```

        ```http_
        HTTP/1.1 200 WidgetEntity updated.
        Content-Type: application/json; charset=utf-8

        {
          "WidgetId": 7,
          "Label": "Sprocket",
          "Modified": "2021-01-02T03:04:05",
          "Maker": { "AssociateId": 3, "Name": "Ada", "PersonId": 4, "Rank": 1, "Tooltip": "t", "Type": "AnonymousAssociate",
                     "GroupIdx": 2, "FullName": "Ada L", "FormalName": "Ada", "Deleted": false, "EjUserId": 0, "UserName": "ada" },
          "Parts": [ { "PartId": 1, "Weight": 2.5 } ],
          "_Links": { "Self": "https://www.example.com/api/v1/widget/7" }
        }
        ```
        """;

    private readonly TempDirectory _temp = new();

    public SixthPageTests()
    {
        Directory.CreateDirectory(_temp.Combine("source"));
        foreach (var page in RepoPaths.Pages.Append(Path.Combine(RepoPaths.Source, ContractGenerator.CarrierNamesFile)))
        {
            File.Copy(page, _temp.Combine("source", Path.GetFileName(page)));
        }

        File.WriteAllText(_temp.Combine("source", "005_widget.md"), WidgetPage);
        ContractGenerator.Write(_temp.Combine("source"), _temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SixthPage_ProducesAnEntitySchemaWithItsRows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(_temp.Combine("schemas", "WidgetEntity.schema.json")))!;

        schema["properties"]!.AsObject().Select(p => p.Key).Should().Equal("WidgetId", "Label", "Modified", "Maker", "Parts", "_Links");
        schema["properties"]!["Label"]!["description"]!.GetValue<string>().Should().Be("The widget's label");
        schema["properties"]!["Maker"]!["oneOf"]![1]!["$ref"]!.GetValue<string>().Should().Be("Associate.schema.json");
        schema["properties"]!["Parts"]!["items"]!["$ref"]!.GetValue<string>().Should().Be("Part.schema.json");
        new ContractSchemas(_temp.Combine("schemas")).Validate("WidgetEntity", File.ReadAllText(_temp.Combine("fixtures", "WidgetEntity.json"))).Should().BeEmpty();
    }

    [Fact]
    public void SixthPage_ProducesACatalogEntry()
    {
        var widget = EndpointCatalog.Load(_temp.Path).Endpoints.Should().ContainSingle(e => e.Resource == "Widget").Which;

        widget.Route.Should().Be("/api/v1/Widget/{id}");
        widget.PrimaryKey.Should().Be("WidgetId");
        widget.LastUpdateField.Should().Be("Modified");
        widget.FixtureId.Should().Be(7);
        widget.AuthorizationSchemes.Should().Equal("Basic", "Bearer");
        widget.Responses.Select(r => r.Status).Should().Equal(200, 404, 412);
    }

    [Fact]
    public void SixthPage_ProducesAValidOpenApiOperation()
    {
        var document = JsonNode.Parse(File.ReadAllText(_temp.Combine("openapi.json")))!;

        document["paths"]!["/api/v1/Widget/{id}"]!["patch"]!["operationId"]!.GetValue<string>().Should().Be("v1WidgetEntity_PatchWidgetEntity");
        document["paths"]!["/api/v1/Widget/{id}"]!["get"]!["operationId"]!.GetValue<string>().Should().Be("v1WidgetEntity_GetWidgetEntity");
        var (exitCode, output) = OpenApiValidator.Validate(_temp.Combine("openapi.json"));
        exitCode.Should().Be(0, output);
        output.Should().Contain("12 operations");
        var (lintExit, lintOutput) = OpenApiValidator.Lint(_temp.Combine("openapi.json"));
        lintExit.Should().Be(0, lintOutput);
    }

    [Fact]
    public void PageThatBreaksTheFormat_FailsGenerationNamingPageAndLine()
    {
        File.WriteAllText(_temp.Combine("source", "005_widget.md"), WidgetPage.Replace("| WidgetId | int32 | Primary key |\n", string.Empty, StringComparison.Ordinal));

        var act = () => ContractGenerator.Generate(_temp.Combine("source"));

        act.Should().Throw<PageFormatException>().WithMessage("005_widget.md:*sample property 'WidgetId' has no row in the entity table");
    }
}
