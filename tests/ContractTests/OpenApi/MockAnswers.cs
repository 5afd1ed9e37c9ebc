using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;
using ContractHarness.ContractTests.Consumer;
using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer;
using MockHost = ContractHarness.MockServer.SuperOfficeMockServer;

namespace ContractHarness.ContractTests.OpenApi;

/// <summary>One answer of the mock, as tools/validate-answers.mjs reads it: the operation (method and route template), status and body.</summary>
public sealed record MockAnswer(string Method, string Route, int Status, JsonNode? Body)
{
    public string ToJsonLine() => new JsonObject
    {
        ["method"] = Method,
        ["route"] = Route,
        ["status"] = Status,
        ["body"] = Body?.DeepClone(),
    }.ToJsonString();
}

/// <summary>
/// Asks an in-process mock for every kind of answer of every catalog entry: GET of ids 1..100 and of the page
/// sample, GET with $select, a 304, an accepted update per operation, and each failure the mock answers (400 in its
/// several forms, 401 from a second mock that demands credentials, 404, 409, 412, 413, 415).
/// </summary>
internal static class MockAnswers
{
    private const int Missing = 999_999_999;
    private const string JsonPatch = "application/json-patch+json";
    private const string Json = "application/json";

    public static async Task<List<MockAnswer>> CollectAsync(EndpointCatalog catalog)
    {
        var answers = new List<MockAnswer>();
        await using (var mock = await MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false }))
        {
            using var http = new HttpClient { BaseAddress = mock.BaseAddress };
            foreach (var endpoint in catalog.Endpoints)
            {
                await ReadsAsync(http, endpoint, mock.Options.EntityCount, answers);
                await UpdatesAsync(http, endpoint, mock.Options.MaxRequestBodyBytes, answers);
            }
        }

        await using (var guarded = await MockHost.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, RequireAuth = true }))
        {
            using var http = new HttpClient { BaseAddress = guarded.BaseAddress };
            foreach (var endpoint in catalog.Endpoints)
            {
                answers.Add(await SendAsync(http, endpoint, "GET", endpoint.FixtureId));
                answers.Add(await SendAsync(http, endpoint, endpoint.Method, endpoint.FixtureId, AcceptedBody(endpoint)));
            }
        }

        return answers;
    }

    private static async Task ReadsAsync(HttpClient http, EndpointDefinition endpoint, int count, List<MockAnswer> answers)
    {
        foreach (var id in Enumerable.Range(1, count).Append(endpoint.FixtureId))
        {
            answers.Add(await SendAsync(http, endpoint, "GET", id));
        }

        answers.Add(await SendAsync(http, endpoint, "GET", endpoint.FixtureId, query: $"?$select={endpoint.PrimaryKey},{ConsumerCases.FieldOf(endpoint)}"));
        answers.Add(await SendAsync(http, endpoint, "GET", endpoint.FixtureId, headers: ("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT")));
        answers.Add(await SendAsync(http, endpoint, "GET", Missing));
        answers.Add(await SendAsync(http, endpoint, "GET", "not-an-id"));
        answers.Add(await SendAsync(http, endpoint, "GET", endpoint.FixtureId, query: "?$select=NoSuchField"));
    }

    private static async Task UpdatesAsync(HttpClient http, EndpointDefinition endpoint, long limit, List<MockAnswer> answers)
    {
        var method = endpoint.Method;
        var id = endpoint.FixtureId;
        var field = ConsumerCases.FieldOf(endpoint);
        var accepted = AcceptedBody(endpoint);
        answers.Add(await SendAsync(http, endpoint, method, id, accepted));
        answers.Add(await SendAsync(http, endpoint, method, id, accepted, query: $"?$select={field}"));
        answers.Add(await SendAsync(http, endpoint, method, Missing, accepted));
        answers.Add(await SendAsync(http, endpoint, method, "not-an-id", accepted));
        answers.Add(await SendAsync(http, endpoint, method, id, (Json, "{\"broken\": ")));
        answers.Add(await SendAsync(http, endpoint, method, id, accepted, headers: ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")));
        answers.Add(await SendAsync(http, endpoint, method, id, ("text/xml", "<entity/>")));
        answers.Add(await SendAsync(http, endpoint, method, id, (Json, "[\"" + new string('x', (int)limit) + "\"]")));
        if (endpoint.RequestBody.Kind == RequestBodyKind.Patch)
        {
            answers.Add(await SendAsync(http, endpoint, method, id, (JsonPatch, $$"""[{"op":"test","path":"/{{field}}","value":"not the value it has"}]""")));
            answers.Add(await SendAsync(http, endpoint, method, id, (JsonPatch, $$"""[{"op":"move","from":"/{{field}}","path":"/{{field}}"}]""")));
            answers.Add(await SendAsync(http, endpoint, method, id, (JsonPatch, $$"""[{"op":"replace","path":"/{{field}}","value":12}]""")));
            answers.Add(await SendAsync(http, endpoint, method, id, (JsonPatch, $$"""[{"op":"replace","path":"/{{endpoint.PrimaryKey}}","value":1}]""")));
            answers.Add(await SendAsync(http, endpoint, method, id, ("application/merge-patch+json", $$"""{"{{field}}": "merged"}""")));
        }
        else
        {
            answers.Add(await SendAsync(http, endpoint, method, id, (Json, "")));
            answers.Add(await SendAsync(http, endpoint, method, id, (Json, "[1, 2]")));
        }
    }

    /// <summary>A body the operation accepts: a JSON Patch of a nullable string, or the page's sample entity.</summary>
    private static (string ContentType, string Text) AcceptedBody(EndpointDefinition endpoint) =>
        endpoint.RequestBody.Kind == RequestBodyKind.Patch
            ? (JsonPatch, $$"""[{"op":"replace","path":"/{{ConsumerCases.FieldOf(endpoint)}}","value":"Changed for the OpenAPI check"}]""")
            : (Json, ConsumerCases.Fixture(endpoint).ToJsonString());

    private static async Task<MockAnswer> SendAsync(
        HttpClient http, EndpointDefinition endpoint, string method, object id, (string ContentType, string Text)? body = null,
        string query = "", (string Name, string Value)? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), endpoint.Route.Replace("{id}", id.ToString(), StringComparison.Ordinal).TrimStart('/') + query);
        if (body is { } content)
        {
            request.Content = new StringContent(content.Text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(content.ContentType);
        }

        if (headers is { } header)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new MockAnswer(method, endpoint.Route, (int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
