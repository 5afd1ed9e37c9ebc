namespace ContractHarness.Pact.Verifier;

/// <summary>The outcome of a provider verification.</summary>
public sealed class PactVerificationResult
{
    internal PactVerificationResult(int exitCode, string output, string json, string logs, IReadOnlyList<InteractionVerificationResult> interactions, IReadOnlyList<string> errors)
    {
        ExitCode = exitCode;
        Output = output;
        Json = json;
        Logs = logs;
        Interactions = interactions;
        Errors = errors;
    }

    /// <summary>True when every verified interaction honoured its pact (exit code 0).</summary>
    public bool Passed => ExitCode == 0;

    /// <summary>The engine's exit code: 0 passed, 1 verification failed, 2 the verification could not run.</summary>
    public int ExitCode { get; }

    /// <summary>The engine's readable report, without ANSI colour codes.</summary>
    public string Output { get; }

    /// <summary>The engine's JSON report, as given.</summary>
    public string Json { get; }

    /// <summary>The verifier's log lines.</summary>
    public string Logs { get; }

    /// <summary>One entry per verified interaction, parsed from the JSON report.</summary>
    public IReadOnlyList<InteractionVerificationResult> Interactions { get; }

    /// <summary>The report's error list: one line per failure, naming the interaction and what differed.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The interactions that failed.</summary>
    public IEnumerable<InteractionVerificationResult> Failures => Interactions.Where(i => !i.Passed);
}

/// <summary>The outcome of one interaction.</summary>
/// <param name="Description">The interaction's description.</param>
/// <param name="Passed">True when the provider honoured it.</param>
/// <param name="Pending">True when the pact is pending (its failure does not fail the run).</param>
/// <param name="Duration">How long it took, when reported.</param>
/// <param name="Failures">What differed, one line per mismatch (status, header, body path...).</param>
public sealed record InteractionVerificationResult(
    string Description,
    bool Passed,
    bool Pending,
    TimeSpan? Duration,
    IReadOnlyList<string> Failures);
