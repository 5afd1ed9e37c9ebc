using System.Runtime.InteropServices;
using ContractHarness.Pact.Interop;

namespace ContractHarness.Pact.Verifier;

/// <summary>Applies <see cref="VerifierSettings"/> to an engine verifier handle.</summary>
internal static class VerifierConfiguration
{
    public static void Apply(VerifierSafeHandle handle, VerifierSettings settings)
    {
        EngineErrors.CheckZero(NativeMethods.VerifierSetColouredOutput(handle, 0), "pactffi_verifier_set_coloured_output", "no colours");
        var timeout = (ulong)(settings.RequestTimeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
        EngineErrors.CheckZero(
            NativeMethods.VerifierSetVerificationOptions(handle, Flag(settings.DisableSslVerification), new CULong((nuint)timeout)),
            "pactffi_verifier_set_verification_options",
            "request timeout");

        if (settings.NoPactsIsError is { } noPactsIsError)
        {
            EngineErrors.CheckZero(NativeMethods.VerifierSetNoPactsIsError(handle, Flag(noPactsIsError)), "pactffi_verifier_set_no_pacts_is_error", "no pacts is error");
        }

        if (settings.ProviderState is { } state)
        {
            NativeMethods.VerifierSetProviderState(handle, state.Url.AbsoluteUri, Flag(state.Teardown), Flag(state.Body));
        }

        if (settings.Filter is { } filter)
        {
            NativeMethods.VerifierSetFilterInfo(handle, filter.Description, filter.State, Flag(filter.NoState));
        }

        foreach (var (name, value) in settings.CustomHeaders)
        {
            NativeMethods.VerifierAddCustomHeader(handle, name, value);
        }

        foreach (var source in settings.Sources)
        {
            AddSource(handle, source);
        }
    }

    private static void AddSource(VerifierSafeHandle handle, PactSource source)
    {
        switch (source)
        {
            case FileSource file:
                NativeMethods.VerifierAddFileSource(handle, file.Path);
                break;
            case DirectorySource directory:
                NativeMethods.VerifierAddDirectorySource(handle, directory.Path);
                break;
            case UrlSource url:
                NativeMethods.VerifierUrlSource(handle, url.Url.AbsoluteUri, url.Username, url.Password, url.Token);
                break;
            case BrokerSource broker:
                AddBroker(handle, broker);
                break;
            default:
                throw new NotSupportedException($"Unknown pact source {source.GetType().Name}.");
        }
    }

    private static void AddBroker(VerifierSafeHandle handle, BrokerSource broker)
    {
        var options = broker.Options;
        string[] selectors = [.. options.Selectors.Select(s => s.ToJson())];
        string[] providerTags = [.. options.ProviderTagList];
        EngineErrors.CheckZero(
            NativeMethods.VerifierBrokerSourceWithSelectors(
                handle,
                broker.Url.AbsoluteUri,
                options.Username,
                options.Password,
                options.Token,
                Flag(options.Pending),
                options.WipPactsSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                providerTags,
                checked((ushort)providerTags.Length),
                options.Branch,
                selectors,
                checked((ushort)selectors.Length),
                null,
                0),
            "pactffi_verifier_broker_source_with_selectors",
            $"broker {broker.Url}");

        if (options.Publish is { } publish)
        {
            EngineErrors.CheckZero(
                NativeMethods.VerifierSetPublishOptions(handle, publish.ProviderVersion, publish.BuildUri?.AbsoluteUri, providerTags, checked((ushort)providerTags.Length), publish.Branch),
                "pactffi_verifier_set_publish_options",
                $"publishing as provider version {publish.ProviderVersion}");
        }
    }

    private static byte Flag(bool value) => value ? (byte)1 : (byte)0;
}
