using ContractHarness.Pact.Interop;

namespace ContractHarness.Pact.Verifier;

/// <summary>
/// One engine verification: creates a verifier handle, applies the settings, executes, reads (and frees) the
/// report, JSON and logs, and shuts the handle down. Everything happens on the calling thread, which should be a
/// dedicated one: <c>pactffi_verifier_execute</c> blocks it for the whole run.
/// </summary>
internal static class NativeVerifierRun
{
    public static PactVerificationResult Run(VerifierSettings settings)
    {
        var provider = settings.ProviderUri ?? throw new InvalidOperationException("No provider endpoint: call WithHttpEndpoint(uri) first.");
        if (settings.Sources.Count == 0)
        {
            throw new InvalidOperationException("No pact source: call WithFileSource, WithDirectorySource, WithUrlSource or WithPactBrokerSource first.");
        }

        EngineLog.EnsureInitialised(settings.Config.LogLevel);
        using var handle = NativeMethods.VerifierNewForApplication(settings.Config.ApplicationName, settings.Config.ApplicationVersion);
        if (handle.IsInvalid)
        {
            throw EngineErrors.Create("pactffi_verifier_new_for_application", "no verifier handle", code: null, readLastError: true);
        }

        var path = string.IsNullOrEmpty(provider.AbsolutePath) ? "/" : provider.AbsolutePath;
        NativeMethods.VerifierSetProviderInfo(handle, settings.ProviderName, provider.Scheme, provider.Host, (ushort)provider.Port, path);
        VerifierConfiguration.Apply(handle, settings);

        var exitCode = NativeMethods.VerifierExecute(handle);
        return ReadResult(handle, exitCode);
    }

    /// <summary>Reads the three owned strings of a finished run.</summary>
    internal static PactVerificationResult ReadResult(VerifierSafeHandle handle, int exitCode)
    {
        var output = NativeString.TakeOwned(NativeMethods.VerifierOutput(handle, stripAnsi: 1)) ?? string.Empty;
        var json = NativeString.TakeOwned(NativeMethods.VerifierJson(handle)) ?? "{}";
        var logs = NativeString.TakeOwned(NativeMethods.VerifierLogs(handle)) ?? string.Empty;
        return VerificationReport.Create(exitCode, output, json, logs);
    }
}
