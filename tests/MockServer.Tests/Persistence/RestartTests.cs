using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Persistence;

public sealed class RestartTests : IDisposable
{
    private readonly string _data = TestPaths.NewTempDirectory();

    [Fact]
    public async Task Restart_WithDataFolder_KeepsAnAcceptedUpdate()
    {
        await using (var first = await StartAsync(_data))
        {
            (await PatchNameAsync(first, "Persisted Name")).Should().Be(HttpStatusCode.OK);
        }

        await using var second = await StartAsync(_data);
        (await NameAsync(second)).Should().Be("Persisted Name");
    }

    [Fact]
    public async Task Restart_WithoutDataFolder_LosesTheUpdate()
    {
        await using (var first = await StartAsync(null))
        {
            (await PatchNameAsync(first, "Forgotten Name")).Should().Be(HttpStatusCode.OK);
        }

        await using var second = await StartAsync(null);
        (await NameAsync(second)).Should().Be("Schuster-Reichel");
    }

    [Fact]
    public async Task Restart_AfterSeveralUpdatesAndAFailedOne_KeepsTheLastAccepted()
    {
        await using (var first = await StartAsync(_data))
        {
            await PatchNameAsync(first, "One");
            await PatchNameAsync(first, "Two");
            (await PatchAsync(first, """[{"op":"test","path":"/Name","value":"nope"},{"op":"replace","path":"/Name","value":"Three"}]"""))
                .Should().Be(HttpStatusCode.Conflict);
        }

        await using (var second = await StartAsync(_data))
        {
            (await NameAsync(second)).Should().Be("Two");
        }

        await using var third = await StartAsync(_data);
        (await NameAsync(third)).Should().Be("Two");
    }

    [Fact]
    public async Task Reset_WithDataFolder_IsAlsoForgottenOnRestart()
    {
        await using (var first = await StartAsync(_data))
        {
            await PatchNameAsync(first, "Before Reset");
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            (await client.PostAsync("/__admin/reset", AdminRequests.JsonBody)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var second = await StartAsync(_data);
        (await NameAsync(second)).Should().Be("Schuster-Reichel");
    }

    [Fact]
    public async Task Restart_WithATornLastLine_KeepsTheCompleteUpdates()
    {
        await using (var first = await StartAsync(_data))
        {
            await PatchNameAsync(first, "Complete");
        }

        await File.AppendAllTextAsync(Path.Combine(_data, "updates.wal"), "{\"route\":\"/api/v1/Contact/{id}\",\"id\":66,\"value\":{\"Con");

        await using var second = await StartAsync(_data);
        (await NameAsync(second)).Should().Be("Complete");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static Task<MockServer.Hosting.MockServer> StartAsync(string? data) =>
        MockServer.Hosting.MockServer.StartAsync(new MockServerOptions { Port = 0, LogRequests = false, DataDirectory = data });

    private static Task<HttpStatusCode> PatchNameAsync(MockServer.Hosting.MockServer server, string name) =>
        PatchAsync(server, $$"""[{"op":"replace","path":"/Name","value":"{{name}}"}]""");

    private static async Task<HttpStatusCode> PatchAsync(MockServer.Hosting.MockServer server, string body)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json-patch+json");
        using var response = await client.PatchAsync("/api/v1/Contact/66", content);
        return response.StatusCode;
    }

    private static async Task<string> NameAsync(MockServer.Hosting.MockServer server)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var contact = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66"))!;
        return contact["Name"]!.GetValue<string>();
    }
}
