using System.Diagnostics;
using System.Globalization;

namespace ContractHarness.Pact.Cli;

/// <summary>
/// Runs the <c>pact</c> CLI (the pinned npm package's standalone binary) for what the library does not cover:
/// <c>pact broker publish</c> and <c>pact broker can-i-deploy</c>. Usage metrics are always off
/// (<c>PACT_DO_NOT_TRACK=true</c> in the child's environment).
/// </summary>
public sealed class PactCli
{
    /// <summary>Uses the CLI at <paramref name="executablePath"/>, or the one <see cref="Locate"/> finds.</summary>
    public PactCli(string? executablePath = null)
    {
        ExecutablePath = executablePath ?? Locate();
    }

    /// <summary>The CLI binary used.</summary>
    public string ExecutablePath { get; }

    /// <summary>Finds the CLI: <c>$PACT_CLI</c>, the path recorded at build time, then <c>node_modules</c> in parent folders.</summary>
    public static string Locate() => PactCliLocator.Locate();

    /// <summary>Runs the CLI with <paramref name="arguments"/> (each passed as one argument, never through a shell).</summary>
    public async Task<PactCliResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["PACT_DO_NOT_TRACK"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new PactCliResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary><c>pact broker publish</c>: publishes pact files for a consumer version.</summary>
    public Task<PactCliResult> PublishAsync(PactPublishOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunAsync(PublishArguments(options), Credentials(options.Broker), cancellationToken);
    }

    /// <summary><c>pact broker can-i-deploy</c>: exit code 0 when the version is safe to deploy.</summary>
    public Task<PactCliResult> CanIDeployAsync(CanIDeployOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunAsync(CanIDeployArguments(options), Credentials(options.Broker), cancellationToken);
    }

    internal static List<string> PublishArguments(PactPublishOptions options)
    {
        List<string> args = ["broker", "publish", .. options.PactFilesOrDirectories, "--broker-base-url", options.Broker.BaseUrl.AbsoluteUri, "--consumer-app-version", options.ConsumerVersion];
        Optional(args, "--branch", options.Branch);
        Optional(args, "--build-url", options.BuildUrl?.AbsoluteUri);
        foreach (var tag in options.Tags)
        {
            args.AddRange(["--tag", tag]);
        }

        return args;
    }

    internal static List<string> CanIDeployArguments(CanIDeployOptions options)
    {
        List<string> args = ["broker", "can-i-deploy", "--pacticipant", options.Pacticipant, "--version", options.Version, "--broker-base-url", options.Broker.BaseUrl.AbsoluteUri];
        Optional(args, "--to-environment", options.ToEnvironment);
        Optional(args, "--retry-while-unknown", options.RetryWhileUnknown?.ToString(CultureInfo.InvariantCulture));
        Optional(args, "--retry-interval", options.RetryIntervalSeconds?.ToString(CultureInfo.InvariantCulture));
        if (options.DryRun)
        {
            args.Add("--dry-run");
        }

        return args;
    }

    internal static Dictionary<string, string> Credentials(PactBrokerConnection broker)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        AddIfSet(environment, "PACT_BROKER_TOKEN", broker.Token);
        AddIfSet(environment, "PACT_BROKER_USERNAME", broker.Username);
        AddIfSet(environment, "PACT_BROKER_PASSWORD", broker.Password);
        return environment;
    }

    private static void Optional(List<string> args, string flag, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            args.AddRange([flag, value]);
        }
    }

    private static void AddIfSet(Dictionary<string, string> environment, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            environment[name] = value;
        }
    }
}
