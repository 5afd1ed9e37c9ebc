using ContractHarness.Contracts.Catalog;
using ContractHarness.Fuzz;
using ContractHarness.TestSupport.Crash;
using ContractHarness.TestSupport.Fuzz;
using ContractHarness.MockServer;

// make fuzz: at least FUZZ_REQUESTS hostile requests spread over every category (and the protocol garbage), then
// FUZZ_KILL_ROUNDS SIGKILL rounds with deeply nested values mixed in, then a round per storage fault (full disk,
// read-only files, a locked file, a deleted log); one table; exit 1 when a must-be-zero figure is not.
var requests = Read("FUZZ_REQUESTS", 100_000);
var killRounds = Read("FUZZ_KILL_ROUNDS", 20);
var seed = FuzzSettings.Seed;
var catalog = EndpointCatalog.Load(EndpointCatalog.Locate(null, AppContext.BaseDirectory));
var targets = FuzzTarget.Load(catalog);

var tallies = new List<FuzzTally>();
await using (var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false }))
{
    using var client = new HttpClient { BaseAddress = mock.BaseAddress };
    var runner = new FuzzRunner(client, targets, seed);
    var protocolRounds = Math.Max(1, requests / 100 / ProtocolGarbage.All.Count);
    var perCategory = (requests - (protocolRounds * ProtocolGarbage.All.Count) + FuzzCategories.All.Count - 1) / FuzzCategories.All.Count;
    foreach (var category in FuzzCategories.All)
    {
        Console.Error.WriteLine($"fuzz: {category.Name} x {perCategory}");
        tallies.Add(await runner.RunAsync(category, perCategory));
    }

    tallies.Add(await RunProtocolGarbageAsync(client, protocolRounds));
}

// Half the kill rounds write flat values only, half mix in values nested 70 levels deep (past JSON readers' default limit of 64), so
// a loss of the first kind is not hidden behind the second.
var crashes = new List<(string Label, CrashTally Tally)>();
foreach (var deep in new[] { false, true })
{
    var rounds = deep ? killRounds / 2 : killRounds - (killRounds / 2);
    Console.Error.WriteLine($"fuzz: {rounds} kill rounds{(deep ? " with deeply nested values" : string.Empty)}");
    var data = Directory.CreateTempSubdirectory("contractharness-fuzz-").FullName;
    try
    {
        crashes.Add((deep ? "kill -9, values nested 70 deep" : "kill -9, flat values", await new KillRestartRun(targets, data, seed, deep).RunAsync(rounds)));
    }
    finally
    {
        Directory.Delete(data, recursive: true);
    }
}

// One round per storage fault this machine can cause (a full disk and read-only files need root): concurrent writes
// through the fault and its end, then a kill and a restart; skipped ones are listed with the reason.
var storage = new List<(string Label, StorageFaultTally? Tally)>();
foreach (var make in StorageFaultScenario.All)
{
    using var fault = make();
    if (fault.Unavailable is { } why)
    {
        storage.Add(($"{fault.Name}: skipped, {why}", null));
        continue;
    }

    Console.Error.WriteLine($"fuzz: storage fault, {fault.Name}");
    var data = Directory.CreateTempSubdirectory("contractharness-fuzz-").FullName;
    try
    {
        storage.Add((fault.Name, await new StorageFaultRun(targets, data, seed).RunAsync(fault)));
    }
    finally
    {
        Directory.Delete(data, recursive: true);
    }
}

return FuzzTable.Print(tallies, crashes, storage, seed, Console.Out) ? 0 : 1;

static async Task<FuzzTally> RunProtocolGarbageAsync(HttpClient client, int rounds)
{
    var tally = new FuzzTally("protocol-garbage (raw socket)", FuzzSettings.Seed);
    for (var i = 0; i < rounds * ProtocolGarbage.All.Count; i++)
    {
        tally.Tried();
        if (await ProtocolGarbage.JudgeAsync(client, ProtocolGarbage.All[i % ProtocolGarbage.All.Count], $"/api/v1/Contact/{1 + (i % 100)}", i) is { } finding)
        {
            tally.Add(finding);
        }
    }

    return tally;
}

static int Read(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
