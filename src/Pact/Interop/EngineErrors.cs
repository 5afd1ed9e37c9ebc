using System.Text;

namespace ContractHarness.Pact.Interop;

/// <summary>
/// Turns the engine's return codes into <see cref="PactEngineException"/>s, in one place. The message carries the
/// engine's own explanation when it left one (<c>pactffi_get_error_message</c>, thread-local, so it is read at once
/// on the calling thread) and the recent global log lines otherwise.
/// </summary>
internal static class EngineErrors
{
    /// <summary>Throws when a builder call that returns a Rust <c>bool</c> reported failure.</summary>
    public static void Check(bool succeeded, string function, string what)
    {
        if (!succeeded)
        {
            throw Create(function, what, code: null, readLastError: false);
        }
    }

    /// <summary>Throws when a call that returns a C status code reported something other than zero.</summary>
    public static void CheckZero(int code, string function, string what)
    {
        if (code != 0)
        {
            throw Create(function, what, code, readLastError: true);
        }
    }

    /// <summary>Builds the exception for a failed engine call.</summary>
    public static PactEngineException Create(string function, string what, int? code, bool readLastError)
    {
        var message = new StringBuilder($"{function} failed: {what}");
        if (code is { } value)
        {
            message.Append(" (code ").Append(value).Append(Explain(function, value)).Append(')');
        }

        var detail = readLastError ? LastErrorMessage() : null;
        if (!string.IsNullOrWhiteSpace(detail))
        {
            message.Append(". Engine: ").Append(detail);
        }

        var log = EngineLog.FetchGlobal();
        if (!string.IsNullOrWhiteSpace(log))
        {
            message.AppendLine().Append("Engine log:").AppendLine().Append(log.TrimEnd());
        }

        return new PactEngineException(message.ToString(), function, code);
    }

    private static string Explain(string function, int code) => (function, code) switch
    {
        ("pactffi_create_mock_server_for_transport", -1) => ": the pact handle is not valid",
        ("pactffi_create_mock_server_for_transport", -2) => ": the transport configuration is not valid JSON",
        ("pactffi_create_mock_server_for_transport", -3) => ": the mock server could not start (port in use?)",
        ("pactffi_create_mock_server_for_transport", -4) => ": the engine panicked",
        ("pactffi_create_mock_server_for_transport", -5) => ": the address is not valid",
        ("pactffi_write_pact_file", 1) => ": the engine panicked",
        ("pactffi_write_pact_file", 2) => ": the pact file could not be written",
        ("pactffi_write_pact_file", 3) => ": no mock server runs on that port",
        ("pactffi_given_with_params", 2) => ": the parameters are not valid JSON",
        ("pactffi_given_with_params", 1) => ": the pact can no longer be changed",
        ("pactffi_verifier_broker_source_with_selectors", -1) => ": a consumer version selector is not valid JSON",
        _ => string.Empty,
    };

    private static unsafe string? LastErrorMessage()
    {
        const int size = 4096;
        var buffer = stackalloc byte[size];
        var length = NativeMethods.GetErrorMessage(buffer, size);
        if (length <= 0)
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer, Math.Min(length, size)).TrimEnd('\0');
    }
}
