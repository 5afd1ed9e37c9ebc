using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer;

/// <summary>
/// The mock's command line, as the <c>superoffice-mock</c> tool runs it: options from <c>--name value</c> and
/// <c>CONTRACTHARNESS_*</c> variables (<c>--help</c> lists them), a banner, one line per request, until Ctrl+C or
/// SIGTERM. A bad option, an unusable data folder or a port in use is one line on standard error and exit code 2.
/// </summary>
public static class SuperOfficeMockCommandLine
{
    /// <summary>Runs the mock with <paramref name="args"/> until it is stopped; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return MockServerCli.RunAsync(args);
    }
}
