namespace ContractHarness.Pact.Verifier;

/// <summary>The provider did not honour its pacts. The message is the engine's report (which names each failed interaction).</summary>
public class PactVerificationException : Exception
{
    /// <summary>Creates the exception from a failed result.</summary>
    public PactVerificationException(PactVerificationResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PactVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around a cause.</summary>
    public PactVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public PactVerificationException()
        : base("Pact verification failed.")
    {
    }

    /// <summary>The failed result, when the exception came from a run.</summary>
    public PactVerificationResult? Result { get; }

    private static string Describe(PactVerificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var heading = result.ExitCode == 2
            ? "Pact verification could not run (exit code 2)."
            : $"Pact verification failed: {result.Failures.Count()} of {result.Interactions.Count} interaction(s) failed.";
        var failed = string.Join(Environment.NewLine, result.Failures.Select(f => $"  - \"{f.Description}\""));
        var errors = string.Join(Environment.NewLine, result.Errors.Select(e => $"  ! {e}"));
        return string.Join(Environment.NewLine, new[] { heading, failed, errors, string.Empty, result.Output.Trim() }.Where(s => s.Length > 0));
    }
}
