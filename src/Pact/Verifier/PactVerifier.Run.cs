namespace ContractHarness.Pact.Verifier;

/// <summary>Running a <see cref="PactVerifier"/>.</summary>
public sealed partial class PactVerifier
{
    /// <summary>Runs the verification and returns its result, passed or not. Throws only when it cannot start.</summary>
    public PactVerificationResult Execute() => ExecuteAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Runs the verification on a dedicated thread (the engine blocks the thread for the whole run, which would
    /// starve a small thread pool serving an in-process provider) and returns its result, passed or not.
    /// </summary>
    public async Task<PactVerificationResult> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var result = await Task.Factory.StartNew(
            () => NativeVerifierRun.Run(settings),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);

        foreach (var output in settings.Config.Outputters)
        {
            output.WriteLine(result.Output.TrimEnd());
        }

        return result;
    }

    /// <summary>Runs the verification; throws a <see cref="PactVerificationException"/> carrying the report when it fails.</summary>
    public PactVerificationResult Verify() => VerifyAsync().GetAwaiter().GetResult();

    /// <summary>Runs the verification; throws a <see cref="PactVerificationException"/> carrying the report when it fails.</summary>
    public async Task<PactVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.Passed ? result : throw new PactVerificationException(result);
    }
}
