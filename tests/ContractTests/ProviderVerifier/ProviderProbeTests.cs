using System.Net;
using System.Net.Sockets;
using ContractHarness.ContractTests.Support;
using ContractHarness.MockServer;
using ContractHarness.ProviderVerifier;

namespace ContractHarness.ContractTests.ProviderVerifier;

/// <summary>The check before verification: is anything answering at PROVIDER_BASE_URL?</summary>
public sealed class ProviderProbeTests
{
    /// <summary>Short enough for a test, the same steps as the defaults.</summary>
    private static readonly ProviderProbe Quick = new()
    {
        ConnectTimeout = TimeSpan.FromMilliseconds(500), RequestTimeout = TimeSpan.FromMilliseconds(500), Pause = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task ClosedPort_NothingIsListening_TheVerifierDoesNotStartTheEngine()
    {
        var url = ClosedPortUrl();
        using var log = new StringWriter();

        var run = () => ProviderVerification.RunAsync(new VerificationOptions { ProviderBaseUrl = url, PactSource = RepoPaths.Pacts }, log, Quick);

        (await run.Should().ThrowAsync<ProviderUnreachableException>()).Which.Message
            .Should().Be($"nothing is listening at {url}: start the mock with `make mock` or set PROVIDER_BASE_URL");
        log.ToString().Should().BeEmpty("the engine, which writes its report here, never ran");
    }

    [Fact]
    public async Task ListeningProvider_PassesTheCheck()
    {
        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });

        (await Quick.CheckAsync(mock.BaseAddress)).Should().BeNull();
    }

    [Fact]
    public async Task PortThatAcceptsButNeverAnswersHttp_IsNamedAsSuch()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");

        var problem = await Quick.CheckAsync(url);

        problem.Should().Be($"{url} accepts connections but does not answer HTTP (no answer within 0.5 s): is PROVIDER_BASE_URL the provider's URL?");
    }

    [Fact]
    public async Task ProviderThatStartsWhileTheCheckRetries_PassesIt()
    {
        var url = ClosedPortUrl();
        var patient = new ProviderProbe { ConnectTimeout = TimeSpan.FromMilliseconds(500), Pause = TimeSpan.FromMilliseconds(500), Attempts = 20 };

        var checking = patient.CheckAsync(url);
        await Task.Delay(100);
        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = url.Port, LogRequests = false });

        (await checking).Should().BeNull("the mock came up before the last try");
    }

    /// <summary>A loopback port that was free a moment ago, with nothing listening on it now.</summary>
    private static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
