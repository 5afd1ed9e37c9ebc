using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Crash;
using ContractHarness.TestSupport.Crash;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>
/// What the in-process mock answers while its data files are read-only for real (<see cref="ReadOnlyFiles"/>, root
/// only): 503 with Retry-After and the cause for every change, reads from what was stored, a health that says so,
/// and no trace of a refused change once updates are stored again, without a restart.
/// </summary>
public sealed class StorageRefusalTests : IDisposable
{
    private const string Seeded = "Schuster-Reichel";
    private readonly DataFolder _data = new();
    private readonly ReadOnlyFiles _fault = new();

    [StorageFaultFact(typeof(ReadOnlyFiles))]
    public async Task RefusedUpdate_Is503WithRetryAfterAndTheCause_ReadsKeepTheStoredVersion_AndTheNextStoredUpdateCarriesNoTraceOfIt()
    {
        await using (var server = await _data.StartAsync())
        {
            (await DataFolder.PatchNameAsync(server, "Stored")).Should().Be(HttpStatusCode.OK);
            await _fault.CauseAsync(_data.Path);

            using (var refused = await DataFolder.PatchAsync(server, "/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"Refused"}]"""))
            {
                var body = await refused.Content.ReadAsStringAsync();
                refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
                refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
                var error = JsonNode.Parse(body)!;
                error["ErrorType"]!.GetValue<string>().Should().Be("SoDatabaseException");
                error["ErrorMessage"]!.GetValue<string>().Should().Contain(_data.Database).And.Contain("disk I/O error").And.Contain("changed nothing");
            }

            (await DataFolder.NameAsync(server)).Should().Be("Stored");
            await _fault.HealAsync(_data.Path);
            await HealthyAsync(server);

            using var next = await DataFolder.PatchAsync(server, "/api/v1/Contact/66", """[{"op":"replace","path":"/Department","value":"After"}]""");
            next.StatusCode.Should().Be(HttpStatusCode.OK);
            DataFolder.Parse(await next.Content.ReadAsStringAsync())["Name"]!.GetValue<string>().Should().Be("Stored", "the refused update was taken back, not kept for the next one");
        }

        await using var restarted = await _data.StartAsync();
        var entity = (await DataFolder.GetAsync(restarted, "/api/v1/Contact/66"))!;
        (entity["Name"]!.GetValue<string>(), entity["Department"]!.GetValue<string>()).Should().Be(("Stored", "After"));
    }

    [StorageFaultFact(typeof(ReadOnlyFiles))]
    public async Task ResetAndProviderState_WhileTheStorageFails_Are503AndChangeNothing()
    {
        await using (var server = await _data.StartAsync())
        {
            (await DataFolder.PatchNameAsync(server, "Stored")).Should().Be(HttpStatusCode.OK);
            await _fault.CauseAsync(_data.Path);

            using (var reset = await DataFolder.PostAsync(server, "/__admin/reset"))
            {
                reset.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await reset.Content.ReadAsStringAsync());
            }

            using (var state = await DataFolder.PostAsync(server, "/__admin/provider-states", """{"action":"setup","state":"Contact 66 exists"}"""))
            {
                state.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await state.Content.ReadAsStringAsync());
            }

            (await DataFolder.NameAsync(server)).Should().Be("Stored");
            await _fault.HealAsync(_data.Path);
            await HealthyAsync(server);
        }

        await using var restarted = await _data.StartAsync();
        (await DataFolder.NameAsync(restarted)).Should().Be("Stored");
        using var later = await DataFolder.PostAsync(restarted, "/__admin/reset");
        later.StatusCode.Should().Be(HttpStatusCode.OK);
        (await DataFolder.NameAsync(restarted)).Should().Be(Seeded);
    }

    [StorageFaultFact(typeof(ReadOnlyFiles))]
    public async Task Health_IsDegradedWithTheReasonAndSinceWhenWhileTheStorageFails_AndHealthyOnceItWorks()
    {
        await using var server = await _data.StartAsync();
        (await HealthAsync(server))["status"]!.GetValue<string>().Should().Be("Healthy");
        await _fault.CauseAsync(_data.Path);
        (await DataFolder.PatchNameAsync(server, "Refused")).Should().Be(HttpStatusCode.ServiceUnavailable);

        var degraded = await HealthAsync(server);
        degraded["status"]!.GetValue<string>().Should().Be("Degraded");
        degraded["reason"]!.GetValue<string>().Should().Contain(_data.Database).And.Contain("disk I/O error");
        degraded["degradedSince"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        degraded["degradedSeconds"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        degraded["storage"]!["storing"]!.GetValue<bool>().Should().BeFalse();
        degraded["storage"]!["failedTries"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);

        await _fault.HealAsync(_data.Path);
        var healthy = await HealthyAsync(server);
        (healthy["reason"], healthy["degradedSince"], healthy["storage"]!["cause"]).Should().Be((null, null, null));
        healthy["storage"]!["storing"]!.GetValue<bool>().Should().BeTrue();
        (await DataFolder.PatchNameAsync(server, "Stored")).Should().Be(HttpStatusCode.OK);
    }

    public void Dispose()
    {
        _fault.Dispose();
        _data.Dispose();
    }

    /// <summary>The health, which answers 200 while healthy or degraded.</summary>
    private static async Task<JsonNode> HealthAsync(SuperOfficeMockServer server)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync("/__admin/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Waits (the mock tries the storage within seconds, on its own) until the health is back to Healthy.</summary>
    private static async Task<JsonNode> HealthyAsync(SuperOfficeMockServer server)
    {
        for (var waited = 0; ; waited += 50)
        {
            var health = await HealthAsync(server);
            if (health["status"]!.GetValue<string>() == "Healthy")
            {
                return health;
            }

            waited.Should().BeLessThan(10_000, "the mock should store updates again within seconds of the storage working");
            await Task.Delay(50);
        }
    }
}
