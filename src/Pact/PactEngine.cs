using ContractHarness.Pact.Interop;

namespace ContractHarness.Pact;

/// <summary>Facts about the loaded Pact engine, for diagnostics.</summary>
internal static class PactEngine
{
    /// <summary>The engine's version, e.g. <c>0.5.8</c> (loads the engine).</summary>
    public static string Version => NativeString.CopyBorrowed(NativeMethods.Version()) ?? "unknown";

    /// <summary>The file the engine was loaded from, or null before the first call (or when the runtime found it).</summary>
    public static string? LibraryPath => PactFfiLibraryResolver.LoadedFrom;

    /// <summary>Reads, and so empties, the engine's global log buffer (builder calls log there).</summary>
    public static string FetchLog() => EngineLog.FetchGlobal() ?? string.Empty;
}
