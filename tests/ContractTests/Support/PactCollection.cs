namespace ContractHarness.ContractTests.Support;

/// <summary>
/// The consumer and provider tests share the committed pact file: one writes it, the other reads it, so they run in
/// one collection and never at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PactCollection
{
    public const string Name = "Pact";
}
