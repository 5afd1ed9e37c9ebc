using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ContractHarness.TestSupport.Fuzz;

namespace ContractHarness.TestSupport.Crash;

/// <summary>The figures of a crash run and what broke, for the test's message and the <c>make fuzz</c> table.</summary>
internal sealed class CrashTally
{
    public int Rounds { get; set; }

    public int Sent { get; set; }

    public int Acknowledged { get; set; }

    public int Lost { get; set; }

    public List<string> Problems { get; } = [];
}

/// <summary>
/// Concurrent writers (several connections, unique values, one hot entity and one per catalog operation) against
/// the mock as a child process with a data folder; SIGKILL at a random moment; restart on the same folder; then
/// every entity must show its last acknowledged value or the value of an update sent later (in flight at the kill).
/// Writes are linearizable, so a value is only wrong when an acknowledged update was sent after it was acknowledged.
/// </summary>
internal sealed class KillRestartRun(IReadOnlyList<FuzzTarget> targets, string dataDirectory, int seed, bool deepValues)
{
    private const int Writers = 6;
    private long _clock;

    public async Task<CrashTally> RunAsync(int rounds)
    {
        var tally = new CrashTally();
        var entities = Entities();
        var mock = await MockProcess.StartAsync(dataDirectory);
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                var random = new Random(seed + round);
                var baseline = await ReadAsync(mock, entities);
                var writes = new ConcurrentQueue<CrashWrite>();
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, Writers).Select(w => WriteAsync(mock.BaseAddress, entities, round, w, writes, stop.Token)).ToArray();
                await FirstAcknowledgementAsync(writes);
                await Task.Delay(random.Next(50, 800));
                await mock.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                await mock.DisposeAsync();

                mock = await MockProcess.StartAsync(dataDirectory);
                Judge(round, entities, baseline, await ReadAsync(mock, entities), writes, tally);
                tally.Rounds++;
            }
        }
        finally
        {
            await mock.DisposeAsync();
        }

        return tally;
    }

    /// <summary>One tick of the clock the writes are stamped with: a write stamped later was sent after it.</summary>
    internal long Tick() => Interlocked.Increment(ref _clock);

    /// <summary>Waits for a first 200, so a freshly started (still JIT-compiling) mock is not killed before any write lands.</summary>
    internal static async Task FirstAcknowledgementAsync(ConcurrentQueue<CrashWrite> writes)
    {
        for (var waited = 0; waited < 30_000 && !writes.Any(w => w.IsAcknowledged); waited += 10)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>The hot entity first (half of all writes), then ids 2 and 3 of every operation; Contact 3 takes deep values.</summary>
    internal List<CrashEntity> Entities()
    {
        var list = new List<CrashEntity>();
        foreach (var target in targets)
        {
            var property = target.Writable(target.Strings).First();
            list.AddRange(new[] { 1, 2, 3 }.Where(id => id != 1 || list.Count == 0).Select(id => new CrashEntity(target, id, property,
                deepValues && id == 3 && target.Resource == "Contact")));
        }

        return list;
    }

    internal async Task WriteAsync(Uri server, List<CrashEntity> entities, int round, int writer, ConcurrentQueue<CrashWrite> writes, CancellationToken stop)
    {
        var random = new Random(HashCode.Combine(seed, round, writer));
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var entity = random.Next(2) == 0 ? entities[0] : entities[random.Next(1, entities.Count)];
            var write = new CrashWrite(entity, $"k{seed}-r{round}-w{writer}-{n}", Interlocked.Increment(ref _clock));
            writes.Enqueue(write);
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(entity.Target.Endpoint.Method), entity.Path) { Content = new ByteArrayContent(Body(write)) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(entity.Target.TakesEntity ? "application/json" : "application/json-patch+json");
                using var response = await client.SendAsync(request, CancellationToken.None);
                write.Status = (int)response.StatusCode;
                write.RetryAfter = response.Headers.RetryAfter?.ToString();
                if (write.IsAcknowledged)
                {
                    write.Acked = Interlocked.Increment(ref _clock);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // The mock is gone: this write stays in flight, unacknowledged.
            }
        }
    }

    /// <summary>A replace of the tracked property; for the deep entity also a 70-level value (deeper than JSON readers' default limit of 64).</summary>
    private static byte[] Body(CrashWrite write)
    {
        var value = RawJson.String(write.Value);
        if (write.Entity.Target.TakesEntity)
        {
            return RawJson.Member(RawJson.String(write.Entity.Property), value);
        }

        var replace = RawJson.Op("replace", RawJson.String("/" + write.Entity.Property), value);
        return write.Entity.Deep
            ? RawJson.Array(replace, RawJson.Op("replace", RawJson.String("/Interests/0/ChildItems"), RawJson.Join("[", RawJson.Nested(70, objects: true), "]")))
            : RawJson.Array(replace);
    }

    internal static async Task<Dictionary<CrashEntity, string?>> ReadAsync(MockProcess mock, List<CrashEntity> entities)
    {
        using var client = new HttpClient { BaseAddress = mock.BaseAddress };
        var values = new Dictionary<CrashEntity, string?>();
        foreach (var entity in entities)
        {
            var json = RawJson.Parse(await client.GetStringAsync(entity.Path))!;
            values[entity] = json[entity.Property]?.GetValue<string>();
        }

        return values;
    }

    internal static void Judge(int round, List<CrashEntity> entities, Dictionary<CrashEntity, string?> baseline, Dictionary<CrashEntity, string?> stored,
        ConcurrentQueue<CrashWrite> writes, CrashTally tally)
    {
        tally.Sent += writes.Count;
        tally.Acknowledged += writes.Count(w => w.IsAcknowledged);
        foreach (var entity in entities)
        {
            var mine = writes.Where(w => w.Entity == entity).ToList();
            var value = stored[entity];
            var source = mine.FirstOrDefault(w => w.Value == value);
            if (source is { Status: not 0 and not 200 })
            {
                tally.Problems.Add($"round {round}: {entity} holds '{value}', the value of an update refused with {source.Status}");
                continue;
            }

            // Acknowledged updates sent after the stored one was acknowledged must have replaced it: they are lost.
            var since = source?.Acked ?? (value == baseline[entity] ? 0 : long.MaxValue);
            var lost = mine.Where(w => w.IsAcknowledged && w.Sent > since).ToList();
            if (source is null && value != baseline[entity])
            {
                tally.Problems.Add($"round {round}: {entity} holds '{value}', which no update of this round sent");
            }
            else if (lost.Count > 0)
            {
                tally.Lost += lost.Count;
                tally.Problems.Add($"round {round}: {entity} holds '{value}' but {lost.Count} acknowledged later update(s) are lost, the last '{lost[^1].Value}'");
            }
        }
    }
}
