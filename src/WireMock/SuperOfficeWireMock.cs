using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock;

/// <summary>A WireMock.Net server made for the contract: a free port and a bounded request log.</summary>
public static class SuperOfficeWireMock
{
    /// <summary>Starts a <see cref="WireMockServer"/> on a free port with the contract; disposing the handle stops it.</summary>
    public static SuperOfficeContract Start(SuperOfficeContractOptions? options = null)
    {
        options ??= new SuperOfficeContractOptions();
        var server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = options.MaxRequestLogCount ?? 1000 });
        try
        {
            return ContractMappings.Add(server, options, ownsServer: true);
        }
        catch
        {
            server.Stop();
            server.Dispose();
            throw;
        }
    }
}
