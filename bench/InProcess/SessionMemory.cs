using System.Globalization;
using System.Text;
using ContractHarness.MockServer;

namespace ContractHarness.Bench.InProcess;

/// <summary>
/// What a session holds, measured on the managed heap after full collections (bench/sessions.sh): the in-memory
/// engine (no socket, a journal of one entry without bodies, so only the sessions grow), one warm session, then
/// <c>--count</c> sessions that each change <c>--changes</c> Contacts (1..N) with one merge patch each (0: a GET
/// starts each, for what a session costs by itself). Prints
/// <c>managed_bytes_per_session=...</c> and the heap before and after.
/// </summary>
internal static class SessionMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (count, changes) = (1000, 10);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            _ = args[i] switch
            {
                "--count" => count = value,
                "--changes" => changes = value,
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        using var engine = SuperOfficeMockEngine.Start(
            new Uri("http://127.0.0.1:5080/"),
            new SuperOfficeMockServerOptions { LogRequests = false, JournalSize = 1, JournalBodyBytes = 0, MaxSessions = count + 1 });
        await FillAsync(engine.Session("warm"), changes); // the code paths and the seed cache every session shares
        var before = Heap();
        for (var s = 0; s < count; s++)
        {
            await FillAsync(engine.Session(string.Create(CultureInfo.InvariantCulture, $"s{s}")), changes);
        }

        var after = Heap();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sessions={count} changes={changes} heap_before={before} heap_after={after} managed_bytes_per_session={(after - before) / count}"));
        GC.KeepAlive(engine);
        return 0;
    }

    private static async Task FillAsync(SuperOfficeMockSession session, int changes)
    {
        if (changes == 0)
        {
            await session.HandleAsync(new MockRequest("GET", "/api/v1/Contact/1")); // starts the session, changes nothing
        }

        for (var id = 1; id <= changes; id++)
        {
            var body = Encoding.UTF8.GetBytes($$"""{"Department":"{{session.Name}}-{{id}}"}""");
            var answer = await session.HandleAsync(new MockRequest(
                "PATCH", $"/api/v1/Contact/{id}", new Dictionary<string, string> { ["Content-Type"] = "application/merge-patch+json" }, body));
            if (answer.StatusCode != 200)
            {
                throw new InvalidOperationException($"PATCH Contact/{id} in {session.Name} answered {answer.StatusCode}");
            }
        }
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
