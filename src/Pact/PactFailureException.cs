namespace ContractHarness.Pact;

/// <summary>
/// The consumer did not send what its pact promised: a request differed (method, path, query, header or body), an
/// expected request never came, or an unexpected one did. The message is the engine's mismatch report, made
/// readable; <see cref="MismatchesJson"/> is the report as the engine gave it.
/// </summary>
public class PactFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PactFailureException(string message, string mismatchesJson, string mockServerLog, Exception? innerException = null)
        : base(message, innerException)
    {
        MismatchesJson = mismatchesJson;
        MockServerLog = mockServerLog;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PactFailureException(string message)
        : this(message, "[]", string.Empty)
    {
    }

    /// <summary>Creates the exception around a cause.</summary>
    public PactFailureException(string message, Exception innerException)
        : this(message, "[]", string.Empty, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public PactFailureException()
        : this("The consumer did not honour its pact.")
    {
    }

    /// <summary>The engine's mismatches (<c>pactffi_mock_server_mismatches</c>), a JSON array.</summary>
    public string MismatchesJson { get; }

    /// <summary>The mock server's log for the failed run.</summary>
    public string MockServerLog { get; }
}
