using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Contract;

/// <summary>
/// Every response body of every catalog endpoint validates against the entity schema with the reference validator
/// (NJsonSchema): a page added to contracts/source is covered here without a new test.
/// </summary>
[Hosts(MockHosts.All)]
public sealed class ResponseSchemaTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    public static TheoryData<string> Endpoints => [.. TestPaths.Catalog.Endpoints.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Get_SeededAndSampleEntities_ValidateAgainstTheSchema(string endpointId)
    {
        var endpoint = Endpoint(endpointId);
        foreach (var id in new[] { 1, 2, 3, 50, 100, endpoint.FixtureId })
        {
            Json.ShouldMatchSchema(await GetTextAsync(ItemPath(endpoint, id)), endpoint.Entity);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task PatchAnswer_ValidatesAgainstTheSchema(string endpointId)
    {
        var endpoint = Endpoint(endpointId);
        var stringProperty = FirstStringProperty(endpoint);

        foreach (var id in new[] { 4, endpoint.FixtureId })
        {
            using var response = await PatchAsync(ItemPath(endpoint, id), $$"""[{"op":"replace","path":"/{{stringProperty}}","value":"patched"}]""");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            Json.ShouldMatchSchema(await response.Content.ReadAsStringAsync(), endpoint.Entity);
            Json.ShouldMatchSchema(await GetTextAsync(ItemPath(endpoint, id)), endpoint.Entity);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task MergePatchAnswerThatClearsEverything_ValidatesAgainstTheSchema(string endpointId)
    {
        var endpoint = Endpoint(endpointId);
        var entity = await GetEntityAsync(ItemPath(endpoint, 5));
        var clearAll = new JsonObject(entity.Where(p => p.Key != endpoint.PrimaryKey).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)null)));

        using var response = await PatchAsync(ItemPath(endpoint, 5), clearAll.ToJsonString(), "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Json.ShouldMatchSchema(await response.Content.ReadAsStringAsync(), endpoint.Entity);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task PutAnswer_ValidatesAgainstTheSchema(string endpointId)
    {
        var endpoint = Endpoint(endpointId);
        var entity = await GetEntityAsync(ItemPath(endpoint, 6));

        using var full = await PutAsync(ItemPath(endpoint, 6), entity.ToJsonString());
        using var minimal = await PutAsync(ItemPath(endpoint, 6), "{}");

        if (endpoint.RequestBody.Kind == RequestBodyKind.Entity)
        {
            full.StatusCode.Should().Be(HttpStatusCode.OK);
            minimal.StatusCode.Should().Be(HttpStatusCode.OK);
            Json.ShouldMatchSchema(await full.Content.ReadAsStringAsync(), endpoint.Entity);
            Json.ShouldMatchSchema(await minimal.Content.ReadAsStringAsync(), endpoint.Entity);
        }
        else
        {
            full.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task SelectAnswer_ValidatesAgainstTheSchema(string endpointId)
    {
        var endpoint = Endpoint(endpointId);
        var select = FirstStringProperty(endpoint);

        Json.ShouldMatchSchema(await GetTextAsync($"{ItemPath(endpoint, 7)}?$select={select}"), endpoint.Entity);
        Json.ShouldMatchSchema(await GetTextAsync($"{ItemPath(endpoint, endpoint.FixtureId)}?$select={select},{endpoint.PrimaryKey}"), endpoint.Entity);
        using var patched = await PatchAsync($"{ItemPath(endpoint, 7)}?$select={select}", "[]");
        Json.ShouldMatchSchema(await patched.Content.ReadAsStringAsync(), endpoint.Entity);
    }

    private static EndpointDefinition Endpoint(string id) => TestPaths.Catalog.Endpoints.Single(e => e.Id == id);

    private static string ItemPath(EndpointDefinition endpoint, int id) => endpoint.Route.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string FirstStringProperty(EndpointDefinition endpoint)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Contracts, endpoint.Schema)))!;
        return schema["properties"]!.AsObject()
            .First(p => p.Value!["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "string")).Key;
    }
}
