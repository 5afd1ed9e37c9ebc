using ContractHarness.Pact.Interop;

namespace ContractHarness.Pact.Consumer;

/// <summary>A mock server of the engine, keyed by its port, and the pact it serves.</summary>
internal sealed class NativeMockServer : IMockServer
{
    private readonly PactHandle pact;
    private readonly int port;
    private bool disposed;

    public NativeMockServer(PactHandle pact, int port, string host)
    {
        this.pact = pact;
        this.port = port;
        Uri = new UriBuilder(Uri.UriSchemeHttp, host, port).Uri;
    }

    public Uri Uri { get; }

    public bool Matched() => NativeMethods.MockServerMatched(port);

    // Both strings belong to the mock server (released by cleanup): copy, never free.
    public string Mismatches() => NativeString.CopyBorrowed(NativeMethods.MockServerMismatches(port)) ?? "[]";

    public string Logs() => NativeString.CopyBorrowed(NativeMethods.MockServerLogs(port)) ?? string.Empty;

    public void WritePactFile(string directory)
    {
        Directory.CreateDirectory(directory);
        EngineErrors.CheckZero(NativeMethods.WritePactFile(port, directory, overwrite: false), "pactffi_write_pact_file", $"pact file in {directory}");
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        _ = NativeMethods.CleanupMockServer(port);
        _ = NativeMethods.FreePactHandle(pact);
    }
}
