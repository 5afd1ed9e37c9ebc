using WireMock.Server;

namespace ContractHarness.WireMock;

/// <summary>The SuperOffice contract on a team's own <see cref="WireMockServer"/>.</summary>
public static class WireMockServerExtensions
{
    /// <summary>
    /// Registers the contract: for each catalog route one mapping per method it serves, the CORS preflight and one
    /// for any other method (the mock's 405), plus the provider-state URL, all at <see cref="SuperOfficeContractOptions.Priority"/>
    /// and answered by the mock's in-memory engine. Sets a request-log bound on a server without one.
    /// </summary>
    public static SuperOfficeContract AddSuperOfficeContract(this WireMockServer server, SuperOfficeContractOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return ContractMappings.Add(server, options ?? new SuperOfficeContractOptions(), ownsServer: false);
    }
}
