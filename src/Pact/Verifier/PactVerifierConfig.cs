namespace ContractHarness.Pact.Verifier;

/// <summary>Settings of a provider verification.</summary>
public sealed class PactVerifierConfig
{
    /// <summary>The engine's log level (one per process: the first pact or verifier created wins).</summary>
    public PactLogLevel LogLevel { get; init; } = PactLogLevel.Information;

    /// <summary>Where the verifier's report and logs go, e.g. an xunit <c>ITestOutputHelper</c> adapter.</summary>
    public IReadOnlyList<IPactOutput> Outputters { get; init; } = [];

    /// <summary>The name and version of the calling application, as the engine records them.</summary>
    public string ApplicationName { get; init; } = "ContractHarness.Pact";

    /// <summary>The version recorded with <see cref="ApplicationName"/>.</summary>
    public string ApplicationVersion { get; init; } = typeof(PactVerifierConfig).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
