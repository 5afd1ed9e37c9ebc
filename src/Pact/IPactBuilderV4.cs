namespace ContractHarness.Pact;

/// <summary>A V4 pact between a consumer and a provider, before its kind of interactions is chosen.</summary>
public interface IPactV4
{
    /// <summary>The consumer's name.</summary>
    string Consumer { get; }

    /// <summary>The provider's name.</summary>
    string Provider { get; }

    /// <summary>The settings.</summary>
    PactConfig Config { get; }

    /// <summary>Describes synchronous HTTP interactions.</summary>
    IPactBuilderV4 WithHttpInteractions();
}

/// <summary>Builds HTTP interactions and verifies that the consumer sends what they promise.</summary>
public interface IPactBuilderV4
{
    /// <summary>Starts a new interaction with its description, unique within the pact (the same one replaces it).</summary>
    IRequestBuilderV4 UponReceiving(string description);

    /// <summary>
    /// Starts the engine's mock server with the interactions described since the last verification, runs
    /// <paramref name="interact"/> against it, then checks that every expected request arrived as promised and no
    /// other did. On success the interactions are merged into the pact file in <see cref="PactConfig.PactDir"/>;
    /// otherwise a <see cref="PactFailureException"/> carries the engine's mismatch report. The mock server is
    /// always shut down.
    /// </summary>
    Task VerifyAsync(Func<IConsumerContext, Task> interact);

    /// <summary>Synchronous form of <see cref="VerifyAsync"/>.</summary>
    void Verify(Action<IConsumerContext> interact);
}

/// <summary>What the code under test needs from a running mock server.</summary>
public interface IConsumerContext
{
    /// <summary>The mock server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    Uri MockServerUri { get; }
}
