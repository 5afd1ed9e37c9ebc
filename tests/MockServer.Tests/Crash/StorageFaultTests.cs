using ContractHarness.TestSupport.Crash;
using ContractHarness.TestSupport.Fuzz;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Crash;

/// <summary>
/// Storage faults caused for real under the built mock while several connections write (<see cref="StorageFaultRun"/>):
/// only 200 and 503 with Retry-After, the health says so, updates are stored again without a restart, and nothing
/// acknowledged is lost nor anything refused kept, read live and after a SIGKILL and a restart. A fault that cannot be
/// caused here (not root, no chattr) is skipped with the reason.
/// </summary>
[Trait("Category", "Fuzz")]
[Hosts(MockHosts.Kestrel | MockHosts.Native, Because = "fills, locks and damages the storage of the mock's own process")]
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _data = TestPaths.NewTempDirectory();

    [StorageFaultFact(typeof(DiskFull))]
    public Task DiskFillsUnderConcurrentWrites_Only200And503_StoredAgainOnceThereIsRoom_NothingLost() => RunAsync(new DiskFull());

    [StorageFaultFact(typeof(ReadOnlyFiles))]
    public Task DataFilesMadeReadOnly_Only200And503_StoredAgainOnceWritable_NothingLost() => RunAsync(new ReadOnlyFiles());

    [StorageFaultFact(typeof(LockedFile))]
    public Task DataFileLockedByAnotherProgram_Only200And503_StoredAgainOnceReleased_NothingLost() => RunAsync(new LockedFile());

    [StorageFaultFact(typeof(DeletedLog))]
    public Task WriteAheadLogDeletedUnderTheMock_EveryAcknowledgedUpdateSurvivesARestart() => RunAsync(new DeletedLog());

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private async Task RunAsync(StorageFaultScenario fault)
    {
        var tally = await new StorageFaultRun(FuzzTarget.Load(TestPaths.Catalog), _data, FuzzSettings.Seed).RunAsync(fault);

        tally.Acknowledged.Should().BeGreaterThan(0, "updates must be stored before and after the fault");
        if (fault.Refuses)
        {
            tally.Refused.Should().BeGreaterThan(0, "the fault must refuse updates, or it was not caused");
        }

        tally.Problems.Should().BeEmpty("{0}: {1} sent, {2} acknowledged, {3} refused; {4} acknowledged lost", fault.Name, tally.Sent, tally.Acknowledged, tally.Refused, tally.Lost);
    }
}
