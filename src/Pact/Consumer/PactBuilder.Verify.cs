using System.Runtime.ExceptionServices;

namespace ContractHarness.Pact.Consumer;

/// <summary>The mock-server run of <see cref="PactBuilder"/>.</summary>
internal sealed partial class PactBuilder
{
    public void Verify(Action<IConsumerContext> interact)
    {
        ArgumentNullException.ThrowIfNull(interact);
        VerifyAsync(context =>
        {
            interact(context);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    public async Task VerifyAsync(Func<IConsumerContext, Task> interact)
    {
        ArgumentNullException.ThrowIfNull(interact);
        var interactions = TakePending();
        if (interactions.Length == 0)
        {
            throw new InvalidOperationException("No interaction to verify: describe one with UponReceiving(...) first.");
        }

        using var server = driver.Start(Consumer, Provider, interactions, Config);
        ExceptionDispatchInfo? interactionError = null;
        try
        {
            await interact(new ConsumerContext(server.Uri)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The mismatch report explains a failure better than the client's exception does.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            interactionError = ExceptionDispatchInfo.Capture(exception);
        }

        var matched = server.Matched();
        var logs = server.Logs();
        WriteToOutputters(logs);
        if (!matched)
        {
            var mismatches = server.Mismatches();
            var report = MismatchReport.Format(Consumer, Provider, mismatches, interactions);
            throw new PactFailureException(report, mismatches, logs, interactionError?.SourceException);
        }

        interactionError?.Throw();
        server.WritePactFile(Config.PactDir);
    }

    private void WriteToOutputters(string logs)
    {
        if (string.IsNullOrWhiteSpace(logs))
        {
            return;
        }

        foreach (var output in Config.Outputters)
        {
            output.WriteLine(logs.TrimEnd());
        }
    }

    private sealed record ConsumerContext(Uri MockServerUri) : IConsumerContext;
}
