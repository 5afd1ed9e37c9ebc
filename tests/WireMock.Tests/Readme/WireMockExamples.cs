using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock.Tests.Readme;

/// <summary>The README's WireMock.Net static-mapping example, compiled and run by the suite.</summary>
public static class WireMockExamples
{
    /// <summary>Starts WireMock.Net on the generated mappings of the repository at <paramref name="repository"/>.</summary>
    public static WireMockServer StartOnTheStaticMappings(string repository)
    {
        // README: WireMock.Net static mappings
        var server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 100 }); // WireMock.Net 1.25.0
        server.ReadStaticMappings(Path.Combine(repository, "contracts", "wiremock", "net"));
        // README: end
        return server;
    }
}
