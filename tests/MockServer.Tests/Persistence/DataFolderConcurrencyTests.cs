using ContractHarness.MockServer.Tests.Store;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>The concurrency guarantees hold with group commit too: one winner of twenty test-and-replace patches, no lost append.</summary>
public sealed class DataFolderConcurrencyTests(DataFolderFixture fixture) : ConcurrencyTests<DataFolderFixture>(fixture);
