using ContractHarness.TestSupport;
using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock.Tests.Support;

/// <summary>WireMock.Net on <c>contracts/wiremock/net</c>, once per test class, with a bounded request log.</summary>
public sealed class NetWireMock : IDisposable
{
    public NetWireMock()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 50 });
        Server.ReadStaticMappings(RepoRoot.Combine("contracts", "wiremock", "net"));
        Http = new HttpClient { BaseAddress = new Uri(Server.Url!), Timeout = TimeSpan.FromSeconds(10) };
    }

    public WireMockServer Server { get; }

    public HttpClient Http { get; }

    public void Dispose()
    {
        Http.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
