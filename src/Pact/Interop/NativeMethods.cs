using System.Runtime.InteropServices;

namespace ContractHarness.Pact.Interop;

/// <summary>
/// Every <c>pactffi_*</c> function this library calls, and nothing else. Signatures follow libpact_ffi 0.5.8:
/// Rust <c>bool</c> is one byte, <c>size_t</c> is <see cref="nuint"/>, <c>unsigned long</c> is <see cref="CULong"/>,
/// <c>unsigned char</c> flags are <see cref="byte"/>. Returned strings are never declared as <see cref="string"/>
/// (the marshaller would free them with the wrong allocator); they are <see cref="nint"/> and go through
/// <see cref="NativeString"/>, which knows which ones the caller owns.
/// </summary>
internal static partial class NativeMethods
{
    private const string Library = "pact_ffi";

    // Library and logging
    [LibraryImport(Library, EntryPoint = "pactffi_version", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint Version();
    [LibraryImport(Library, EntryPoint = "pactffi_log_to_buffer", StringMarshalling = StringMarshalling.Utf8)] internal static partial int LogToBuffer(LevelFilter level);
    [LibraryImport(Library, EntryPoint = "pactffi_fetch_log_buffer", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint FetchLogBuffer(string? logId);
    [LibraryImport(Library, EntryPoint = "pactffi_string_delete", StringMarshalling = StringMarshalling.Utf8)] internal static partial void StringDelete(nint value);
    [LibraryImport(Library, EntryPoint = "pactffi_get_error_message", StringMarshalling = StringMarshalling.Utf8)] internal static unsafe partial int GetErrorMessage(byte* buffer, int length);

    // Pact and interaction building
    [LibraryImport(Library, EntryPoint = "pactffi_new_pact", StringMarshalling = StringMarshalling.Utf8)] internal static partial PactHandle NewPact(string consumerName, string providerName);
    [LibraryImport(Library, EntryPoint = "pactffi_with_specification", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool WithSpecification(PactHandle pact, PactSpecification version);
    [LibraryImport(Library, EntryPoint = "pactffi_free_pact_handle", StringMarshalling = StringMarshalling.Utf8)] internal static partial uint FreePactHandle(PactHandle pact);
    [LibraryImport(Library, EntryPoint = "pactffi_new_interaction", StringMarshalling = StringMarshalling.Utf8)] internal static partial InteractionHandle NewInteraction(PactHandle pact, string description);
    [LibraryImport(Library, EntryPoint = "pactffi_given", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool Given(InteractionHandle interaction, string description);
    [LibraryImport(Library, EntryPoint = "pactffi_given_with_params", StringMarshalling = StringMarshalling.Utf8)] internal static partial int GivenWithParams(InteractionHandle interaction, string description, string paramsJson);
    [LibraryImport(Library, EntryPoint = "pactffi_with_request", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool WithRequest(InteractionHandle interaction, string method, string path);
    [LibraryImport(Library, EntryPoint = "pactffi_with_query_parameter_v2", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool WithQueryParameter(InteractionHandle interaction, string name, nuint index, string value);
    [LibraryImport(Library, EntryPoint = "pactffi_with_header_v2", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool WithHeader(InteractionHandle interaction, InteractionPart part, string name, nuint index, string value);
    [LibraryImport(Library, EntryPoint = "pactffi_with_body", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool WithBody(InteractionHandle interaction, InteractionPart part, string contentType, string body);
    [LibraryImport(Library, EntryPoint = "pactffi_response_status", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool ResponseStatus(InteractionHandle interaction, ushort status);

    // Mock server
    [LibraryImport(Library, EntryPoint = "pactffi_create_mock_server_for_transport", StringMarshalling = StringMarshalling.Utf8)] internal static partial int CreateMockServerForTransport(PactHandle pact, string address, ushort port, string transport, string? transportConfig);
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_matched", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool MockServerMatched(int port);
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_mismatches", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint MockServerMismatches(int port);
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_logs", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint MockServerLogs(int port);
    [LibraryImport(Library, EntryPoint = "pactffi_write_pact_file", StringMarshalling = StringMarshalling.Utf8)] internal static partial int WritePactFile(int port, string directory, [MarshalAs(UnmanagedType.U1)] bool overwrite);
    [LibraryImport(Library, EntryPoint = "pactffi_cleanup_mock_server", StringMarshalling = StringMarshalling.Utf8)] [return: MarshalAs(UnmanagedType.U1)] internal static partial bool CleanupMockServer(int port);

    // Verifier: lifecycle and provider
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_new_for_application", StringMarshalling = StringMarshalling.Utf8)] internal static partial VerifierSafeHandle VerifierNewForApplication(string name, string version);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_shutdown", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierShutdown(nint handle);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_provider_info", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierSetProviderInfo(VerifierSafeHandle handle, string name, string scheme, string host, ushort port, string path);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_provider_state", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierSetProviderState(VerifierSafeHandle handle, string url, byte teardown, byte body);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_verification_options", StringMarshalling = StringMarshalling.Utf8)] internal static partial int VerifierSetVerificationOptions(VerifierSafeHandle handle, byte disableSslVerification, CULong requestTimeoutMs);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_coloured_output", StringMarshalling = StringMarshalling.Utf8)] internal static partial int VerifierSetColouredOutput(VerifierSafeHandle handle, byte colouredOutput);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_no_pacts_is_error", StringMarshalling = StringMarshalling.Utf8)] internal static partial int VerifierSetNoPactsIsError(VerifierSafeHandle handle, byte isError);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_filter_info", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierSetFilterInfo(VerifierSafeHandle handle, string? description, string? state, byte noState);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_custom_header", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierAddCustomHeader(VerifierSafeHandle handle, string name, string value);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_publish_options", StringMarshalling = StringMarshalling.Utf8)] internal static partial int VerifierSetPublishOptions(VerifierSafeHandle handle, string providerVersion, string? buildUrl, string[]? providerTags, ushort providerTagsLength, string? providerBranch);

    // Verifier: pact sources
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_file_source", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierAddFileSource(VerifierSafeHandle handle, string file);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_directory_source", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierAddDirectorySource(VerifierSafeHandle handle, string directory);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_url_source", StringMarshalling = StringMarshalling.Utf8)] internal static partial void VerifierUrlSource(VerifierSafeHandle handle, string url, string? username, string? password, string? token);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_broker_source_with_selectors", StringMarshalling = StringMarshalling.Utf8)] internal static partial int VerifierBrokerSourceWithSelectors(VerifierSafeHandle handle, string url, string? username, string? password, string? token, byte enablePending, string? includeWipPactsSince, string[]? providerTags, ushort providerTagsLength, string? providerBranch, string[]? consumerVersionSelectors, ushort consumerVersionSelectorsLength, string[]? consumerVersionTags, ushort consumerVersionTagsLength);

    // Verifier: running and results
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_execute", StringMarshalling = StringMarshalling.Utf8)] internal static partial int VerifierExecute(VerifierSafeHandle handle);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_output", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint VerifierOutput(VerifierSafeHandle handle, byte stripAnsi);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_json", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint VerifierJson(VerifierSafeHandle handle);
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_logs", StringMarshalling = StringMarshalling.Utf8)] internal static partial nint VerifierLogs(VerifierSafeHandle handle);
}
