using ContractHarness.Contracts.Reporting;
using ContractHarness.Pact.Verifier;

namespace ContractHarness.ProviderVerifier;

/// <summary>
/// The JUnit report of <c>make verify-provider JUNIT=FILE</c>: one test case per verified interaction, failed with
/// what differed (status, header, body path), skipped when its pact is pending; a run that verified nothing because it
/// could not start is one errored case saying why.
/// </summary>
internal static class VerificationJUnit
{
    public static JUnitReport From(PactVerificationResult result, Uri provider) =>
        From(result.Interactions, result.ExitCode, result.Errors, provider);

    /// <summary>The report of a run's parts: its interactions, the engine's exit code and its error lines.</summary>
    public static JUnitReport From(IReadOnlyList<InteractionVerificationResult> interactions, int exitCode, IReadOnlyList<string> errors, Uri provider)
    {
        var cases = interactions.Select(Case).ToList();
        if (cases.Count == 0 && exitCode != 0)
        {
            var why = errors.Count > 0 ? string.Join("\n", errors) : $"the Pact engine verified no interaction (exit code {exitCode})";
            cases.Add(NotRun(why));
        }

        return Report(provider, cases);
    }

    /// <summary>The report of a run that never started: nothing answers at the provider's URL.</summary>
    public static JUnitReport Unreachable(Uri provider, string message) => Report(provider, [NotRun(message)]);

    private static JUnitReport Report(Uri provider, List<JUnitCase> cases) =>
        new("make verify-provider", [new JUnitSuite($"{VerificationOptions.ProviderName} at {provider}", cases)]);

    private static JUnitCase Case(InteractionVerificationResult interaction)
    {
        var testCase = new JUnitCase(VerificationOptions.ProviderName, interaction.Description) { Time = interaction.Duration };
        if (interaction.Passed)
        {
            return testCase;
        }

        var failures = interaction.Failures.Count > 0 ? interaction.Failures : ["the provider's answer did not match the pact"];
        // the status says most at a glance ("expected 412 but was 200"); the engine lists body mismatches first
        var lead = failures.FirstOrDefault(f => f.StartsWith("status", StringComparison.Ordinal)) ?? failures[0];
        var message = failures.Count == 1 ? lead : $"{lead} (and {failures.Count - 1} more)";
        var details = string.Join("\n", failures);
        return interaction.Pending
            ? testCase with { Skipped = $"pending pact, not failing the run: {message}", Output = details }
            : testCase with { Failure = new JUnitProblem(message, "mismatch", details) };
    }

    private static JUnitCase NotRun(string why) => new(VerificationOptions.ProviderName, "verification")
    {
        Error = new JUnitProblem(why.Split('\n')[0], "not-run", why),
    };
}
