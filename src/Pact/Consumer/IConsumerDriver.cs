namespace ContractHarness.Pact.Consumer;

/// <summary>The seam between the builders and the engine, so builders can be tested without it.</summary>
internal interface IConsumerDriver
{
    /// <summary>Hands a pact's interactions to the engine and starts a mock server serving them.</summary>
    IMockServer Start(string consumer, string provider, IReadOnlyList<InteractionDefinition> interactions, PactConfig config);
}

/// <summary>A running mock server; disposing it shuts it down and releases the pact.</summary>
internal interface IMockServer : IDisposable
{
    /// <summary>The base address.</summary>
    Uri Uri { get; }

    /// <summary>True when every expected request arrived as promised and no other did.</summary>
    bool Matched();

    /// <summary>The engine's mismatches as a JSON array.</summary>
    string Mismatches();

    /// <summary>The mock server's log so far.</summary>
    string Logs();

    /// <summary>Merges the interactions into the pact file in <paramref name="directory"/>.</summary>
    void WritePactFile(string directory);
}
