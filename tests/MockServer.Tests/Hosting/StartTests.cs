using System.Net;
using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Hosting;

public sealed class StartTests
{
    [Fact]
    public async Task StartAsync_WithoutOptions_ListensOnAFreeLoopbackPort()
    {
        await using var first = await MockServer.Hosting.MockServer.StartAsync();
        await using var second = await MockServer.Hosting.MockServer.StartAsync();

        first.BaseAddress.Host.Should().Be("127.0.0.1");
        first.Port.Should().NotBe(second.Port);
        using var client = new HttpClient { BaseAddress = first.BaseAddress };
        (await client.GetAsync("/__admin/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_MissingContracts_FailsWithAReadableError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-contracts-" + Guid.NewGuid().ToString("N"));

        var start = () => MockServer.Hosting.MockServer.StartAsync(new MockServerOptions { Port = 0, ContractsDirectory = missing });

        (await start.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain("endpoints.json");
    }

    [Fact]
    public async Task Banner_NamesTheUrlTheRoutesTheirCountsAndTheAdminUrl()
    {
        await using var server = await MockServer.Hosting.MockServer.StartAsync();

        var banner = Banner.For(server);

        banner.Should().Contain(server.Url).And.Contain("/api/v1/Contact/{id}").And.Contain("100").And.Contain($"{server.Url}/__admin");
    }

    [Fact]
    public async Task RequestLog_WritesOneLinePerRequestWithMethodPathStatusAndMilliseconds()
    {
        var log = new StringWriter();
        var server = await MockServer.Hosting.MockServer.StartAsync(new MockServerOptions { Port = 0, LogWriter = TextWriter.Synchronized(log) });
        using (var client = new HttpClient { BaseAddress = server.BaseAddress })
        {
            (await client.GetAsync("/api/v1/Contact/99999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        await server.DisposeAsync(); // waits for the request to finish, so its line is written

        log.ToString().Should().MatchRegex(@"GET /api/v1/Contact/99999 404 \d+\.\d ms");
    }
}
