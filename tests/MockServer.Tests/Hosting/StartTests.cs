using System.Net;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer;
using Microsoft.AspNetCore.Builder;

namespace ContractHarness.MockServer.Tests.Hosting;

public sealed class StartTests
{
    [Fact]
    public async Task StartAsync_WithoutOptions_ListensOnAFreeLoopbackPort()
    {
        await using var first = await SuperOfficeMockServer.StartAsync();
        await using var second = await SuperOfficeMockServer.StartAsync();

        first.BaseAddress.Host.Should().Be("127.0.0.1");
        first.Port.Should().NotBe(second.Port);
        using var client = new HttpClient { BaseAddress = first.BaseAddress };
        (await client.GetAsync("/__admin/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_MissingContracts_FailsWithAReadableError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-contracts-" + Guid.NewGuid().ToString("N"));

        var start = () => SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, ContractsDirectory = missing });

        (await start.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain("endpoints.json");
    }

    [Fact]
    public async Task Banner_NamesTheUrlTheRoutesTheirCounts_TheAdminPageDocsAndApi()
    {
        await using var server = await SuperOfficeMockServer.StartAsync();

        var banner = Banner.For(server);

        banner.Should().Contain(server.Url).And.Contain("/api/v1/Contact/{id}").And.Contain("100").And.Contain($"{server.Url}/__admin")
            .And.Contain($"{server.Url}/__admin/docs").And.Contain($"{server.Url}/__admin/openapi.json").And.Contain("faults");
    }

    [Fact]
    public async Task RequestLog_WritesOneLinePerRequestWithMethodPathStatusAndMilliseconds()
    {
        var log = new StringWriter();
        var server = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogWriter = TextWriter.Synchronized(log) });
        using (var client = new HttpClient { BaseAddress = server.BaseAddress })
        {
            (await client.GetAsync("/api/v1/Contact/99999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        await server.DisposeAsync(); // waits for the request to finish, so its line is written

        log.ToString().Should().MatchRegex(@"GET /api/v1/Contact/99999 404 \d+\.\d ms");
    }

    [Fact]
    public async Task RequestBeforeTheContractsAreLoaded_WaitsForThemAndIsAnswered()
    {
        var options = new SuperOfficeMockServerOptions { Port = 0, LogRequests = false };
        var loading = new TaskCompletionSource<MockContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartListeningAsync(options, loading.Task, waiting);
        using var client = new HttpClient { BaseAddress = Address(app) };

        var early = client.GetAsync("/api/v1/Contact/66");
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the request is in the server, waiting for the contracts

        early.IsCompleted.Should().BeFalse("nothing can answer before the contracts are loaded");
        using var context = MockLoader.Load(options);
        loading.SetResult(context);
        using var response = await early;
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"ContactId\":66");
        (await client.GetAsync("/__admin/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RequestWhileTheContractsFailToLoad_Gets503WithTheReason()
    {
        var loading = new TaskCompletionSource<MockContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartListeningAsync(new SuperOfficeMockServerOptions { Port = 0 }, loading.Task, waiting);
        using var client = new HttpClient { BaseAddress = Address(app) };

        var early = client.GetAsync("/__admin/health");
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the request waits for the contracts, which then fail
        early.IsCompleted.Should().BeFalse();
        loading.SetException(new InvalidDataException("endpoints.json: $.endpoints: expected an array."));
        using var response = await early;

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var error = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        error["Error"]!.GetValue<bool>().Should().BeTrue();
        error["ErrorMessage"]!.GetValue<string>().Should().Be("The mock could not load its contracts: endpoints.json: $.endpoints: expected an array.");
    }

    /// <summary>A host whose contracts load when the test says so; <paramref name="waiting"/> completes when a request waits for them.</summary>
    private static async Task<WebApplication> StartListeningAsync(SuperOfficeMockServerOptions options, Task<MockContext> loading, TaskCompletionSource waiting)
    {
        var app = MockApplication.CreateHost(options);
        MockApplication.MapMock(app, loading, () => waiting.TrySetResult());
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) => new(app.Urls.First());
}
