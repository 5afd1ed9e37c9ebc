using ContractHarness.MockServer.Tests.Support;
using ContractHarness.MockServer.Tests.Store;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>The concurrency guarantees hold with group commit too: one winner of twenty test-and-replace patches, no lost append.</summary>
[Hosts(MockHosts.Kestrel | MockHosts.Memory, Because = "the native fixture's command line carries no data folder")]
public sealed class DataFolderConcurrencyTests(DataFolderFixture fixture) : ConcurrencyTests<DataFolderFixture>(fixture);
