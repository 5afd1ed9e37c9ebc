namespace ContractHarness.Pact;

/// <summary>
/// How much the Pact engine logs. The engine has one logger per process: the level of the first pact or verifier
/// created wins, and <c>PACT_LOG_LEVEL</c> in the environment overrides it.
/// </summary>
public enum PactLogLevel
{
    /// <summary>No logging.</summary>
    None = 0,

    /// <summary>Errors only.</summary>
    Error = 1,

    /// <summary>Warnings and errors.</summary>
    Warn = 2,

    /// <summary>The default: one line per request and per interaction.</summary>
    Information = 3,

    /// <summary>Matching details; about 10 KB per request.</summary>
    Debug = 4,

    /// <summary>Everything.</summary>
    Trace = 5,
}
