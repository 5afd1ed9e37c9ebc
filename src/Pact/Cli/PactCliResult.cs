namespace ContractHarness.Pact.Cli;

/// <summary>What a <c>pact</c> CLI run printed and returned.</summary>
/// <param name="ExitCode">The process exit code (0 success; for can-i-deploy, 1 means "no").</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record PactCliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// A Pact Broker and its credentials. Credentials reach the CLI through its environment
/// (<c>PACT_BROKER_TOKEN</c>, <c>PACT_BROKER_USERNAME</c>, <c>PACT_BROKER_PASSWORD</c>), never its command line,
/// where every user of the machine could read them.
/// </summary>
/// <param name="BaseUrl">The broker's base address.</param>
/// <param name="Token">A bearer token (PactFlow).</param>
/// <param name="Username">A basic-auth user.</param>
/// <param name="Password">The basic-auth password.</param>
public sealed record PactBrokerConnection(Uri BaseUrl, string? Token = null, string? Username = null, string? Password = null);

/// <summary>What <c>pact broker publish</c> publishes.</summary>
/// <param name="Broker">Where to publish.</param>
/// <param name="ConsumerVersion">The consumer's version (usually the commit).</param>
/// <param name="PactFilesOrDirectories">Pact files, folders or globs.</param>
public sealed record PactPublishOptions(PactBrokerConnection Broker, string ConsumerVersion, IReadOnlyList<string> PactFilesOrDirectories)
{
    /// <summary>The consumer's branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Tags for the consumer version.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The CI build that produced the pacts.</summary>
    public Uri? BuildUrl { get; init; }
}

/// <summary>What <c>pact broker can-i-deploy</c> asks.</summary>
/// <param name="Broker">The broker to ask.</param>
/// <param name="Pacticipant">The application to deploy, e.g. <c>SuperOfficeWebClient</c>.</param>
/// <param name="Version">Its version.</param>
public sealed record CanIDeployOptions(PactBrokerConnection Broker, string Pacticipant, string Version)
{
    /// <summary>The environment to deploy to (recorded deployments are checked).</summary>
    public string? ToEnvironment { get; init; }

    /// <summary>How many times to retry while results are missing.</summary>
    public int? RetryWhileUnknown { get; init; }

    /// <summary>Seconds between those retries.</summary>
    public int? RetryIntervalSeconds { get; init; }

    /// <summary>Only report; always exit 0.</summary>
    public bool DryRun { get; init; }
}
