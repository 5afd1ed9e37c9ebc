using ContractHarness.MockServer;

namespace ContractHarness.WireMock;

/// <summary>How <see cref="WireMockServerExtensions.AddSuperOfficeContract"/> carries the contract.</summary>
public sealed class SuperOfficeContractOptions
{
    /// <summary>The mock's own options: contracts folder, seed, entity count, auth, preconditions and the rest (Port and Host are not used).</summary>
    public SuperOfficeMockServerOptions Mock { get; init; } = new();

    /// <summary>
    /// The WireMock priority of the contract's mappings (lower numbers win in WireMock.Net): high, so that a team's own
    /// mappings, at the default priority or any number below this one, answer first.
    /// </summary>
    public int Priority { get; init; } = 100_000;

    /// <summary>Where the Pact verifier posts its provider states (WireMock.Net owns <c>/__admin</c>).</summary>
    public string ProviderStatesPath { get; init; } = "/__contract/provider-states";

    /// <summary>
    /// Where the mock's fault rules are managed (its <c>/__admin/faults</c>, moved because WireMock.Net owns <c>/__admin</c>):
    /// <c>POST</c>, <c>GET</c> and <c>DELETE</c> here, <c>DELETE</c> <c>{path}/{id}</c> for one rule.
    /// </summary>
    public string FaultsPath { get; init; } = "/__contract/faults";

    /// <summary>
    /// Where the mock's sessions are listed and dropped (its <c>/__admin/sessions</c>): <c>GET</c> and <c>DELETE</c>
    /// here, <c>DELETE</c> <c>{path}/{name}</c> for one.
    /// </summary>
    public string SessionsPath { get; init; } = "/__contract/sessions";

    /// <summary>Where the coverage of the contract is read and cleared (the mock's <c>/__admin/coverage</c>), per session with <c>X-Mock-Session</c>.</summary>
    public string CoveragePath { get; init; } = "/__contract/coverage";

    /// <summary>
    /// The request-log bound set on the server (WireMock.Net's <c>MaxRequestLogCount</c>): WireMock.Net keeps every
    /// request otherwise, which grows without end under load. Null leaves the server's own setting alone.
    /// </summary>
    public int? MaxRequestLogCount { get; init; } = 1000;
}
