namespace ContractHarness.Pact.Consumer;

/// <summary>A V4 pact before its kind of interactions is chosen.</summary>
internal sealed class PactV4Definition(string consumer, string provider, PactConfig config, IConsumerDriver driver) : IPactV4
{
    public string Consumer { get; } = consumer;

    public string Provider { get; } = provider;

    public PactConfig Config { get; } = config;

    public IPactBuilderV4 WithHttpInteractions() => new PactBuilder(Consumer, Provider, Config, driver);
}
