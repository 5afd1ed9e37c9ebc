using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Persistence;

namespace ContractHarness.MockServer.Tests.Sessions;

/// <summary>With <c>--data</c> the default world persists as before; sessions live in memory only, and their changes never reach the file.</summary>
public sealed class SessionDataFolderTests : IDisposable
{
    private readonly DataFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ASessionsChanges_AreNotWrittenToTheDataFolder_AndTheDefaultWorldsStillAre()
    {
        string seeded;
        await using (var first = await _data.StartAsync())
        {
            seeded = await DataFolder.NameAsync(first);
            using var session = first.Session("kept-in-memory");
            using var patched = await session.PatchAsync("/api/v1/Contact/66", new StringContent("""{"Name":"session's"}""", Encoding.UTF8, "application/merge-patch+json"));
            patched.StatusCode.Should().Be(HttpStatusCode.OK);
            (await DataFolder.PatchNameAsync(first, "default's")).Should().Be(HttpStatusCode.OK);
            (await ListAsync(first))["persisted"]!.GetValue<bool>().Should().BeFalse();
        }

        await using var second = await _data.StartAsync();
        (await DataFolder.NameAsync(second)).Should().Be("default's");
        (await ListAsync(second))["sessions"]!.AsArray().Should().BeEmpty();
        using var again = second.Session("kept-in-memory");
        JsonNode.Parse(await again.GetStringAsync("/api/v1/Contact/66"))!["Name"]!.GetValue<string>().Should().Be(seeded, "a session starts from the seed, not from the stored world");
    }

    private static async Task<JsonObject> ListAsync(SuperOfficeMockServer server)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        return JsonNode.Parse(await client.GetStringAsync("/__admin/sessions"))!.AsObject();
    }
}
