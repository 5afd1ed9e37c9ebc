using ContractHarness.Contracts.Reporting;
using ContractHarness.Pact.Verifier;

namespace ContractHarness.ProviderVerifier;

/// <summary>Replays the consumer pacts against a provider and prints the engine's report.</summary>
internal static class ProviderVerification
{
    /// <summary>
    /// Verifies and returns the engine's exit code: 0 passed, 1 failed, 2 could not run; writes the JUnit report when
    /// <see cref="VerificationOptions.JUnitFile"/> is set. Throws <see cref="ProviderUnreachableException"/>, before
    /// the engine starts (after writing a report of one errored case), when nothing answers at the base URL.
    /// </summary>
    public static async Task<PactVerificationResult> RunAsync(VerificationOptions options, TextWriter log, ProviderProbe? probe = null)
    {
        if (await (probe ?? new ProviderProbe()).CheckAsync(options.ProviderBaseUrl) is { } unreachable)
        {
            if (options.JUnitFile is { } report)
            {
                JUnitWriter.Write(report, VerificationJUnit.Unreachable(options.ProviderBaseUrl, unreachable));
            }

            throw new ProviderUnreachableException(unreachable);
        }

        var verifier = new PactVerifier(VerificationOptions.ProviderName)
            .WithHttpEndpoint(options.ProviderBaseUrl)
            .WithRequestTimeout(options.RequestTimeout);
        verifier = File.Exists(options.PactSource) ? verifier.WithFileSource(options.PactSource) : verifier.WithDirectorySource(options.PactSource);
        if (options.Authorization is { } authorization)
        {
            verifier = verifier.WithCustomHeader("Authorization", authorization);
        }

        await using var statesServer = options.StatesFile is { } file ? await StatesFileServer.StartAsync(file, log) : null;
        var stateUrl = options.StateChangeUrl ?? statesServer?.Url;
        if (stateUrl is not null)
        {
            verifier = verifier.WithProviderStateUrl(stateUrl, teardown: true);
        }
        else
        {
            await log.WriteLineAsync("warning: neither PROVIDER_STATE_URL nor PROVIDER_STATES is set: the pact's own ids are used as they are.");
        }

        var result = await verifier.ExecuteAsync();
        await log.WriteLineAsync(result.Output);
        var failed = result.Failures.Select(f => f.Description).ToList();
        await log.WriteLineAsync(result.Passed
            ? $"Verification passed: {result.Interactions.Count} interactions against {options.ProviderBaseUrl}."
            : $"Verification FAILED (exit {result.ExitCode}): {failed.Count} of {result.Interactions.Count} interactions: {string.Join("; ", failed)}");
        if (options.JUnitFile is { } junit)
        {
            JUnitWriter.Write(junit, VerificationJUnit.From(result, options.ProviderBaseUrl));
            await log.WriteLineAsync($"JUnit report: {junit}");
        }

        return result;
    }
}
