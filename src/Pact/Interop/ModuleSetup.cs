using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ContractHarness.Pact.Interop;

/// <summary>Process-wide set-up that must happen before the first engine call.</summary>
internal static class ModuleSetup
{
    /// <summary>The fewest thread-pool threads this library asks for.</summary>
    internal const int MinimumThreads = 16;

    /// <summary>
    /// Turns off the verifier's usage metrics (the variable must be in the native environment), installs the
    /// library resolver, and raises the thread-pool minimum: on two cores the pool starts with two workers, and an
    /// in-process provider plus HttpClient then stall about a second while the engine holds its threads.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The engine reads PACT_DO_NOT_TRACK from the native environment before any user code could set it.")]
    internal static void Initialise()
    {
        LibC.SetEnvironmentVariable("PACT_DO_NOT_TRACK", "true");
        PactFfiLibraryResolver.Register();

        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(io, MinimumThreads));
    }
}
