using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Compat;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Compat;

/// <summary>
/// Every rule of <c>make compat</c>, each breaking one with a change that breaks (exit 1) and its counterpart that does
/// not (exit 0), on a small document (fixtures/base.json): a GET answering a Report (response only), a PATCH answering
/// an Item (response, and the patched entity), a PUT sending a LinkRequest (request).
/// </summary>
public sealed class CompatRulesTests
{
    public sealed record Case(string Rule, bool Breaking, string Location, Action<JsonObject> Change, Action<JsonObject>? Arrange = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // breaking
        ["operation removed"] = new("operation-removed", true, "PUT /links/{id}", d => Path(d, "/links/{id}").Remove("put")),
        ["status removed"] = new("status-removed", true, "PATCH /items/{id} 412", d => Responses(d, "/items/{id}", "patch").Remove("412")),
        ["parameter removed"] = new("parameter-removed", true, "GET /reports/{id} query $select", d => Parameters(d).RemoveAt(1)),
        ["parameter made required"] = new("parameter-required", true, "GET /reports/{id} query $select", d => Parameters(d)[1]!["required"] = true),
        ["new required parameter"] = new("parameter-required", true, "GET /reports/{id} query fields",
            d => Parameters(d).Add(new JsonObject { ["name"] = "fields", ["in"] = "query", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } })),
        ["request body made required"] = new("request-body-required", true, "PUT /links/{id} request",
            d => Body(d)["required"] = true, Arrange: d => Body(d)["required"] = false),
        ["request content type removed"] = new("media-type-removed", true, "PATCH /items/{id} request application/merge-patch+json",
            d => Op(d, "/items/{id}", "patch")["requestBody"]!["content"]!.AsObject().Remove("application/merge-patch+json")),
        ["response content type removed"] = new("media-type-removed", true, "GET /reports/{id} 200 application/json", d => RenameContent(d, "application/json", "text/json")),
        ["response header removed"] = new("response-header-removed", true, "GET /reports/{id} 200 header ETag", d => Ok(d).Remove("headers")),
        ["response property removed"] = new("property-removed", true, "Report.Title", d => Props(d, "Report").Remove("Title")),
        ["request property removed"] = new("property-removed", true, "LinkRequest.Note", d => Props(d, "LinkRequest").Remove("Note")),
        ["patched entity property removed"] = new("property-removed", true, "Item.Status", d => Props(d, "Item").Remove("Status")),
        ["request property made required"] = new("request-property-required", true, "LinkRequest.Note", d => Required(d, "LinkRequest").Add("Note")),
        ["new required request property"] = new("request-property-required", true, "LinkRequest.Color", d =>
        {
            Props(d, "LinkRequest")["Color"] = new JsonObject { ["type"] = "string" };
            Required(d, "LinkRequest").Add("Color");
        }),
        ["response property made optional"] = new("response-property-optional", true, "Report.Title", d => Required(d, "Report").RemoveAt(1)),
        ["response type changed"] = new("type-changed", true, "Report.Id", d => Props(d, "Report")["Id"] = new JsonObject { ["type"] = "string" }),
        ["response integer widened"] = new("type-changed", true, "Report.Id", d => Props(d, "Report")["Id"]!["format"] = "int64"),
        ["request integer narrowed"] = new("type-changed", true, "LinkRequest.Count",
            d => Props(d, "LinkRequest")["Count"]!["format"] = "int32", Arrange: d => Props(d, "LinkRequest")["Count"]!["format"] = "int64"),
        ["response date-time became any string"] = new("type-changed", true, "Item.Due", d => Props(d, "Item")["Due"]!.AsObject().Remove("pattern")),
        ["array item type changed"] = new("type-changed", true, "Tag.Name", d => Props(d, "Tag")["Name"] = new JsonObject { ["type"] = "integer" }),
        ["map value type changed"] = new("type-changed", true, "Report.Fields{}", d => Props(d, "Report")["Fields"]!["additionalProperties"] = new JsonObject { ["type"] = "integer" }),
        ["response value may be null"] = new("response-null-allowed", true, "Report.State", d => Props(d, "Report")["State"]!["nullable"] = true),
        ["response reference may be null"] = new("response-null-allowed", true, "Report.Owner",
            d => Props(d, "Report")["Owner"] = NullableRef("Person"), Arrange: d => Props(d, "Report")["Owner"] = Ref("Person")),
        ["request value no longer null"] = new("request-null-refused", true, "LinkRequest.Note", d => Props(d, "LinkRequest")["Note"]!.AsObject().Remove("nullable")),
        ["patched entity value no longer null"] = new("request-null-refused", true, "Item.Name", d => Props(d, "Item")["Name"]!.AsObject().Remove("nullable")),
        ["request enum narrowed"] = new("request-enum-narrowed", true, "LinkRequest.Kind", d => Props(d, "LinkRequest")["Kind"]!["enum"]!.AsArray().RemoveAt(2)),
        ["open request value became an enum"] = new("request-enum-narrowed", true, "LinkRequest.Name", d => Props(d, "LinkRequest")["Name"]!["enum"] = new JsonArray("x", "y")),
        ["patched entity enum narrowed"] = new("request-enum-narrowed", true, "Item.Status", d => Props(d, "Item")["Status"]!["enum"]!.AsArray().RemoveAt(1)),
        ["patch operation enum narrowed"] = new("request-enum-narrowed", true, "PatchDocument[].op",
            d => Schema(d, "PatchDocument")["items"]!["properties"]!["op"]!["enum"]!.AsArray().RemoveAt(3)),

        // not breaking
        ["operation added"] = new("operation-added", false, "DELETE /reports/{id}",
            d => Path(d, "/reports/{id}")["delete"] = new JsonObject { ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "deleted" } } }),
        ["path parameter renamed"] = new(string.Empty, false, string.Empty, d =>
        {
            var paths = d["paths"]!.AsObject();
            var item = paths["/links/{id}"]!;
            paths.Remove("/links/{id}");
            paths["/links/{linkId}"] = item;
            item["put"]!["parameters"]![0]!["name"] = "linkId";
        }),
        ["status added"] = new("status-added", false, "PATCH /items/{id} 409", d => Responses(d, "/items/{id}", "patch")["409"] = new JsonObject { ["description"] = "conflict" }),
        ["optional parameter added"] = new("parameter-added", false, "GET /reports/{id} query fields",
            d => Parameters(d).Add(new JsonObject { ["name"] = "fields", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } })),
        ["parameter made optional"] = new("parameter-optional", false, "GET /reports/{id} query $select",
            d => Parameters(d)[1]!["required"] = false, Arrange: d => Parameters(d)[1]!["required"] = true),
        ["header parameter moved to a security scheme"] = new("parameter-to-security", false, "GET /reports/{id} header Accept-Language", d =>
        {
            Parameters(d).RemoveAt(2);
            d["components"]!["securitySchemes"] = new JsonObject { ["Lang"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "accept-language" } };
            Op(d, "/reports/{id}", "get")["security"] = new JsonArray(new JsonObject { ["Lang"] = new JsonArray() });
        }),
        ["header parameter gone, a security scheme names another header"] = new("parameter-removed", true, "GET /reports/{id} header Accept-Language", d =>
        {
            Parameters(d).RemoveAt(2);
            d["components"]!["securitySchemes"] = new JsonObject { ["Key"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Key" } };
            d["security"] = new JsonArray(new JsonObject { ["Key"] = new JsonArray() });
        }),
        ["request body made optional"] = new("request-body-optional", false, "PUT /links/{id} request", d => Body(d)["required"] = false),
        ["content type added"] = new("media-type-added", false, "GET /reports/{id} 200 text/json",
            d => Ok(d)["content"]!["text/json"] = new JsonObject { ["schema"] = Ref("Report") }),
        ["response header added"] = new("response-header-added", false, "GET /reports/{id} 200 header Last-Modified",
            d => Ok(d)["headers"]!["Last-Modified"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } }),
        ["response property added"] = new("property-added", false, "Report.Subtitle", d => Props(d, "Report")["Subtitle"] = new JsonObject { ["type"] = "string" }),
        ["optional request property added"] = new("property-added", false, "LinkRequest.Color", d => Props(d, "LinkRequest")["Color"] = new JsonObject { ["type"] = "string" }),
        ["required property added to a patched entity"] = new("property-added", false, "Item.Rank", d =>
        {
            Props(d, "Item")["Rank"] = new JsonObject { ["type"] = "integer" };
            Required(d, "Item").Add("Rank");
        }),
        ["patched entity property made required"] = new("response-property-required", false, "Item.Status", d => Required(d, "Item").Add("Status")),
        ["request property made optional"] = new("request-property-optional", false, "LinkRequest.Name", d => Required(d, "LinkRequest").RemoveAt(0)),
        ["response property made required"] = new("response-property-required", false, "Report.State", d => Required(d, "Report").Add("State")),
        ["response integer narrowed"] = new("type-relaxed", false, "Report.Id",
            d => Props(d, "Report")["Id"]!["format"] = "int32", Arrange: d => Props(d, "Report")["Id"]!["format"] = "int64"),
        ["request integer widened"] = new("type-relaxed", false, "LinkRequest.Count", d => Props(d, "LinkRequest")["Count"]!["format"] = "int64"),
        ["response value no longer null"] = new("response-null-refused", false, "Report.Title", d => Props(d, "Report")["Title"]!.AsObject().Remove("nullable")),
        ["request value may be null"] = new("request-null-allowed", false, "LinkRequest.Count", d => Props(d, "LinkRequest")["Count"]!["nullable"] = true),
        ["request enum widened"] = new("request-enum-widened", false, "LinkRequest.Kind", d => Props(d, "LinkRequest")["Kind"]!["enum"]!.AsArray().Add("d")),
        ["response enum narrowed"] = new("response-enum-narrowed", false, "Report.State", d => Props(d, "Report")["State"]!["enum"]!.AsArray().RemoveAt(1)),
        ["response enum widened"] = new("response-enum-widened", false, "Report.State", d => Props(d, "Report")["State"]!["enum"]!.AsArray().Add("Archived")),
        ["property added to a component that contains itself"] = new("property-added", false, "Tag.Color", d => Props(d, "Tag")["Color"] = new JsonObject { ["type"] = "string" }),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Change_IsJudgedByItsRule(string name)
    {
        var @case = Cases[name];
        var before = Fixture();
        @case.Arrange?.Invoke(before);
        var after = before.DeepClone().AsObject();
        @case.Change(after);

        var report = CompatReport.Compare(ApiDocument.Parse(before, "base"), ApiDocument.Parse(after, "head"));

        if (@case.Rule.Length == 0)
        {
            report.Findings.Should().BeEmpty(report.Text());
            return;
        }

        report.Findings.Should().Contain(f => f.Rule.Id == @case.Rule && f.Location == @case.Location, report.Text());
        report.ExitCode.Should().Be(@case.Breaking ? 1 : 0, report.Text());
        report.Text().Should().Contain($"{(@case.Breaking ? "breaking  " : "compatible")} {@case.Rule}");
    }

    [Fact]
    public void EveryRule_HasACase_AndEveryBreakingOneACompatibleCounterpartCase()
    {
        Cases.Values.Select(c => c.Rule).Should().Contain(CompatRules.All.Select(r => r.Id));
        Cases.Values.Where(c => c.Rule.Length > 0).Should().OnlyContain(c => CompatRules.All.Single(r => r.Id == c.Rule).Breaking == c.Breaking);
    }

    [Fact]
    public void AnUnchangedDocument_HasNoFinding()
    {
        var report = CompatReport.Compare(ApiDocument.Parse(Fixture(), "base"), ApiDocument.Parse(Fixture(), "head"));

        report.Findings.Should().BeEmpty();
        report.ExitCode.Should().Be(0);
        report.Text().Should().EndWith("No change to the operations, parameters, statuses or schemas.\n");
    }

    [Fact]
    public void AFindingInASharedComponent_NamesEveryOperationThatReachesIt()
    {
        var before = Fixture();
        Props(before, "LinkRequest")["Owner"] = Ref("Person");
        var after = before.DeepClone().AsObject();
        Props(after, "Person")["PersonId"] = new JsonObject { ["type"] = "string" };

        var report = CompatReport.Compare(ApiDocument.Parse(before, "base"), ApiDocument.Parse(after, "head"));

        var finding = report.Findings.Single(f => f.Location == "Person.PersonId");
        finding.Rule.Id.Should().Be("type-changed");
        finding.Operations.Should().Equal("GET /reports/{id}", "PUT /links/{id}");
        report.Text().Should().Contain("in GET /reports/{id}, PUT /links/{id}");
    }

    private static JsonObject Fixture() => JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("tests", "Contracts.Generator.Tests", "Compat", "fixtures", "base.json")))!.AsObject();

    private static JsonObject Path(JsonObject d, string path) => d["paths"]![path]!.AsObject();

    private static JsonObject Op(JsonObject d, string path, string method) => Path(d, path)[method]!.AsObject();

    private static JsonObject Responses(JsonObject d, string path, string method) => Op(d, path, method)["responses"]!.AsObject();

    private static JsonObject Ok(JsonObject d) => Responses(d, "/reports/{id}", "get")["200"]!.AsObject();

    private static JsonArray Parameters(JsonObject d) => Op(d, "/reports/{id}", "get")["parameters"]!.AsArray();

    private static JsonObject Body(JsonObject d) => Op(d, "/links/{id}", "put")["requestBody"]!.AsObject();

    private static JsonObject Schema(JsonObject d, string name) => d["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Props(JsonObject d, string name) => Schema(d, name)["properties"]!.AsObject();

    private static JsonArray Required(JsonObject d, string name) => Schema(d, name)["required"] as JsonArray ?? (JsonArray)(Schema(d, name)["required"] = new JsonArray());

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    private static JsonObject NullableRef(string name) => new()
    {
        ["anyOf"] = new JsonArray(Ref(name), new JsonObject { ["type"] = "object", ["nullable"] = true, ["enum"] = new JsonArray((JsonNode?)null) }),
    };

    private static void RenameContent(JsonObject d, string from, string to)
    {
        var content = Ok(d)["content"]!.AsObject();
        var media = content[from]!;
        content.Remove(from);
        content[to] = media;
    }
}
