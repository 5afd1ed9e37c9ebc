namespace ContractHarness.Pact.Tests.Support;

/// <summary>Memory measurements run alone, after the parallel tests, so other tests' allocations do not blur them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "Memory";
}
