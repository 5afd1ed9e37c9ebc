using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ContractHarness.MockServer.Tests.Support;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>A fresh temp data folder, the mocks started on it one after another, and what they printed.</summary>
public sealed class DataFolder : IDisposable
{
    public string Path { get; } = TestPaths.NewTempDirectory();

    public StringWriter Log { get; } = new();

    public string Database => System.IO.Path.Combine(Path, "mock.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public Task<SuperOfficeMockServer> StartAsync() =>
        SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, DataDirectory = Path, LogWriter = Log });

    public void Dispose() => Directory.Delete(Path, recursive: true);

    public static async Task<HttpResponseMessage> PatchAsync(
        SuperOfficeMockServer server, string path, string body, string contentType = "application/json-patch+json")
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PatchAsync(path, content);
    }

    public static async Task<HttpResponseMessage> PostAsync(SuperOfficeMockServer server, string path, string? json = null)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return await client.PostAsync(path, new StringContent(json ?? string.Empty, Encoding.UTF8, "application/json"));
    }

    /// <summary>The entity at <paramref name="path"/>, or null when it answers 404.</summary>
    public static async Task<JsonObject?> GetAsync(SuperOfficeMockServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>An entity as answered, parsed as deep as updates may nest, without its <c>_Links</c> (they name the answering host and port).</summary>
    public static JsonObject Parse(string json)
    {
        var entity = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
        entity.Remove("_Links");
        return entity;
    }

    /// <summary>Replaces the name of Contact 66, the entity the restart tests follow.</summary>
    public static async Task<HttpStatusCode> PatchNameAsync(SuperOfficeMockServer server, string name)
    {
        using var response = await PatchAsync(server, "/api/v1/Contact/66", $$"""[{"op":"replace","path":"/Name","value":"{{name}}"}]""");
        return response.StatusCode;
    }

    /// <summary>The name of Contact 66.</summary>
    public static async Task<string> NameAsync(SuperOfficeMockServer server) =>
        (await GetAsync(server, "/api/v1/Contact/66"))!["Name"]!.GetValue<string>();

    /// <summary><c>{"a":{"a":…1…}}</c>, <paramref name="depth"/> objects deep.</summary>
    public static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>How many objects deep <paramref name="node"/> nests along its <c>a</c> members.</summary>
    public static int DepthOf(JsonNode? node)
    {
        var depth = 0;
        for (; node is JsonObject o; node = o["a"])
        {
            depth++;
        }

        return depth;
    }
}

/// <summary>A mock on a data folder of its own, for the HTTP tests shared with the in-memory mock.</summary>
public sealed class DataFolderFixture : MockServerFixture, IDisposable
{
    private readonly string _path = TestPaths.NewTempDirectory();

    public void Dispose() => Directory.Delete(_path, recursive: true);

    protected override void Configure(SuperOfficeMockServerOptions options) => options.DataDirectory = _path;
}
