namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// A host lifetime that listens to no signal: an in-process mock never takes Ctrl+C or SIGTERM from the process
/// that hosts it (a test runner); the command line handles both itself and disposes the mock.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
