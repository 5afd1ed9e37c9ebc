using System.Net;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Persistence;

public sealed class RestartTests : IDisposable
{
    private readonly DataFolder _data = new();

    [Fact]
    public async Task Restart_WithDataFolder_KeepsAnAcceptedUpdate()
    {
        await using (var first = await _data.StartAsync())
        {
            (await DataFolder.PatchNameAsync(first, "Persisted Name")).Should().Be(HttpStatusCode.OK);
        }

        await using var second = await _data.StartAsync();
        (await DataFolder.NameAsync(second)).Should().Be("Persisted Name");
    }

    [Fact]
    public async Task Restart_WithoutDataFolder_LosesTheUpdate()
    {
        await using (var first = await StartInMemoryAsync())
        {
            (await DataFolder.PatchNameAsync(first, "Forgotten Name")).Should().Be(HttpStatusCode.OK);
        }

        await using var second = await StartInMemoryAsync();
        (await DataFolder.NameAsync(second)).Should().Be("Schuster-Reichel");
    }

    [Fact]
    public async Task Restart_AfterSeveralUpdatesAndAFailedOne_KeepsTheLastAccepted()
    {
        await using (var first = await _data.StartAsync())
        {
            await DataFolder.PatchNameAsync(first, "One");
            await DataFolder.PatchNameAsync(first, "Two");
            using var failed = await DataFolder.PatchAsync(first, "/api/v1/Contact/66",
                """[{"op":"test","path":"/Name","value":"nope"},{"op":"replace","path":"/Name","value":"Three"}]""");
            failed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        }

        await using (var second = await _data.StartAsync())
        {
            (await DataFolder.NameAsync(second)).Should().Be("Two");
        }

        await using var third = await _data.StartAsync();
        (await DataFolder.NameAsync(third)).Should().Be("Two");
    }

    [Fact]
    public async Task Reset_WithDataFolder_IsAlsoForgottenOnRestart()
    {
        await using (var first = await _data.StartAsync())
        {
            await DataFolder.PatchNameAsync(first, "Before Reset");
            using var reset = await DataFolder.PostAsync(first, "/__admin/reset");
            reset.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var second = await _data.StartAsync();
        (await DataFolder.NameAsync(second)).Should().Be("Schuster-Reichel");
    }

    public void Dispose() => _data.Dispose();

    private static Task<SuperOfficeMockServer> StartInMemoryAsync() =>
        SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
}
