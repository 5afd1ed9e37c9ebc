namespace ContractHarness.Pact;

/// <summary>
/// The Pact engine refused a call: a pact that can no longer be changed, a mock server that would not start, a
/// pact file that could not be written. The message carries the engine's own explanation and recent log lines.
/// </summary>
public class PactEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PactEngineException(string message, string function, int? code)
        : base(message)
    {
        Function = function;
        Code = code;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PactEngineException(string message)
        : this(message, function: string.Empty, code: null)
    {
    }

    /// <summary>Creates the exception around a cause.</summary>
    public PactEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
        Function = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public PactEngineException()
        : this("The Pact engine reported an error.")
    {
    }

    /// <summary>The <c>pactffi_*</c> function that failed, when known.</summary>
    public string Function { get; }

    /// <summary>The engine's return code, when the function returns one.</summary>
    public int? Code { get; }
}
