using ContractHarness.TestSupport.Crash;
using ContractHarness.TestSupport.Fuzz;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Crash;

/// <summary>
/// "Lose nothing": the built mock with <c>--data</c> is SIGKILLed while several connections write, restarted on the
/// same folder, and must show every acknowledged update (or a later in-flight one). The seed replays a run.
/// </summary>
[Trait("Category", "Fuzz")]
[Hosts(MockHosts.Kestrel | MockHosts.Native, Because = "kills and restarts the mock's process")]
public sealed class KillRestartTests : IDisposable
{
    private readonly string _data = TestPaths.NewTempDirectory();

    [Fact]
    public async Task KillDuringConcurrentWrites_ThenRestart_KeepsEveryAcknowledgedUpdate()
    {
        var tally = await new KillRestartRun(FuzzTarget.Load(TestPaths.Catalog), _data, FuzzSettings.Seed, deepValues: false).RunAsync(FuzzSettings.KillRounds);

        tally.Rounds.Should().Be(FuzzSettings.KillRounds);
        tally.Acknowledged.Should().BeGreaterThan(0, "the writers must get updates through before the kill");
        tally.Problems.Should().BeEmpty("FUZZ_SEED={0}: {1} of {2} acknowledged updates lost", FuzzSettings.Seed, tally.Lost, tally.Acknowledged);
    }

    /// <summary>Records nested deeper than JSON readers' default limit of 64 levels (the mock accepts 256) must read back too.</summary>
    [Fact]
    public async Task KillDuringWritesWithDeeplyNestedValues_ThenRestart_KeepsEveryAcknowledgedUpdate()
    {
        var tally = await new KillRestartRun(FuzzTarget.Load(TestPaths.Catalog), _data, FuzzSettings.Seed, deepValues: true).RunAsync(1);

        tally.Acknowledged.Should().BeGreaterThan(0, "the writers must get updates through before the kill");
        tally.Problems.Should().BeEmpty("FUZZ_SEED={0}: {1} of {2} acknowledged updates lost", FuzzSettings.Seed, tally.Lost, tally.Acknowledged);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
