namespace ContractHarness.Pact.Interop;

/// <summary>
/// The engine's logging. The engine accepts exactly one global subscriber per process, so it is installed once,
/// behind a lock, at the first level asked for (or <c>$PACT_LOG_LEVEL</c> when set). Everything goes to in-memory
/// buffers: mock servers keep their own (read with <c>pactffi_mock_server_logs</c>), the verifier logs to
/// <c>verify:&lt;provider&gt;</c>, builder calls to the global buffer read here. Buffers empty only when read.
/// </summary>
internal static class EngineLog
{
    private static readonly Lock Gate = new();
    private static PactLogLevel? installed;

    /// <summary>The level the engine logs at, or null before the first pact or verifier was created.</summary>
    public static PactLogLevel? InstalledLevel
    {
        get
        {
            lock (Gate)
            {
                return installed;
            }
        }
    }

    /// <summary>Installs the buffer logger once; later calls keep the first level.</summary>
    public static void EnsureInitialised(PactLogLevel requested)
    {
        lock (Gate)
        {
            if (installed is not null)
            {
                return;
            }

            var level = LevelFromEnvironment() ?? requested;
            // -1 means a subscriber exists already (another library in the process installed one): that is fine.
            _ = NativeMethods.LogToBuffer((LevelFilter)(int)level);
            installed = level;
        }
    }

    /// <summary>Reads, and so empties, the global log buffer.</summary>
    public static string? FetchGlobal()
    {
        lock (Gate)
        {
            return installed is null ? null : NativeString.TakeOwned(NativeMethods.FetchLogBuffer(null));
        }
    }

    private static PactLogLevel? LevelFromEnvironment() =>
        Enum.TryParse<PactLogLevel>(Environment.GetEnvironmentVariable("PACT_LOG_LEVEL"), ignoreCase: true, out var level)
            ? level
            : null;
}
