using System.Collections;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractHarness.MockServer.Hosting;
using static ContractHarness.MockServer.Tests.Proxy.ProxyAdmin;

namespace ContractHarness.MockServer.Tests.Proxy;

/// <summary>
/// <c>--record DIR</c> keeps the tenant's 200 entities as it sent them (the newest winning, no credential ever), and
/// <c>--replay DIR</c> serves them with no tenant running, at their ids, statefully, beside the generated ones.
/// </summary>
public sealed partial class RecordReplayTests : IDisposable
{
    private const string Secret = "Bearer s3cret-recording-token";
    private static readonly (string, string) Auth = ("Authorization", Secret);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Recording => _folder.Combine("recording");

    [Fact]
    public async Task Record_KeepsEach200EntityAsTheTenantSentIt_TheNewestWinning_NeverACredential()
    {
        await using var tenant = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, RequireAuth = true });
        await using var proxy = await StartRecordingAsync(tenant);
        using var client = RawClient(proxy.BaseAddress);

        using var sample = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);
        using var first = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/5", """{"Department":"First"}""", "application/merge-patch+json", Auth);
        using var second = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/5", """{"Department":"Second"}""", "application/merge-patch+json", Auth);
        using var ticket = await SendAsync(client, HttpMethod.Get, "/api/v1/Ticket/900", headers: Auth);
        using var selected = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/7?$select=Name", headers: Auth);
        using var missing = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/999999", headers: Auth);
        using var head = await SendAsync(client, HttpMethod.Head, "/api/v1/Contact/8", headers: Auth);

        (await File.ReadAllBytesAsync(Path.Combine(Recording, "Contact", "66.json"))).Should().Equal(await sample.Content.ReadAsByteArrayAsync());
        (await File.ReadAllBytesAsync(Path.Combine(Recording, "Contact", "5.json"))).Should().Equal(await second.Content.ReadAsByteArrayAsync());
        (await File.ReadAllBytesAsync(Path.Combine(Recording, "Ticket", "900.json"))).Should().Equal(await ticket.Content.ReadAsByteArrayAsync());
        var files = Directory.GetFiles(Recording, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Recording, f));
        files.Should().BeEquivalentTo(["Contact/66.json", "Contact/5.json", "Ticket/900.json"],
            "a $select answer is not the whole entity, a 404 is none, a HEAD has no body, and no temporary file stays");
        foreach (var file in Directory.GetFiles(Recording, "*", SearchOption.AllDirectories))
        {
            (await File.ReadAllTextAsync(file)).Should().NotContain("s3cret");
        }
    }

    [Fact]
    public async Task Replay_ServesTheRecordedEntitiesWithoutATenant_AtTheirIds_AndTheyCanBeUpdated()
    {
        await RecordAsync(async client =>
        {
            using var patched = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/66", """{"Department":"Recorded"}""", "application/merge-patch+json", Auth);
            patched.StatusCode.Should().Be(HttpStatusCode.OK);
            using var outside = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/150", headers: Auth);
            outside.StatusCode.Should().Be(HttpStatusCode.OK);
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

        await using var replay = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions
        {
            Port = 0, LogRequests = false, ReplayDirectory = Recording, TimeProvider = clock,
        });
        using var client = RawClient(replay.BaseAddress);

        WithoutLinks(await client.GetStringAsync("/api/v1/Contact/66")).Should().Be(WithoutLinks(await File.ReadAllTextAsync(Path.Combine(Recording, "Contact", "66.json"))));
        WithoutLinks(await client.GetStringAsync("/api/v1/Contact/150")).Should().Be(WithoutLinks(await File.ReadAllTextAsync(Path.Combine(Recording, "Contact", "150.json"))),
            "a recorded id outside the generated ones is served too");
        (await client.GetAsync("/api/v1/Contact/151")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        WithoutLinks(await client.GetStringAsync("/api/v1/Contact/1")).Should().Be(WithoutLinks(await GeneratedAsync("/api/v1/Contact/1")), "the other ids are the generated ones");
        (await client.GetStringAsync("/api/v1/Contact/66")).Should().Contain(replay.Url + "/api/v1/Contact/66", "links name the mock that serves them");
        replay.EntityCounts["/api/v1/Contact/{id}"].Should().Be(101);

        using var offline = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/66", """[{"op":"replace","path":"/Department","value":"Offline"}]""", "application/json-patch+json");
        offline.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66?$select=Department"))!["Department"]!.GetValue<string>().Should().Be("Offline");
        using var stale = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/66", """{"Department":"Late"}""", "application/merge-patch+json",
            ("If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"));
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        using var conflict = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/150", """[{"op":"test","path":"/Department","value":"never"}]""", "application/json-patch+json");
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);

        replay.Reset();
        JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66"))!["Department"]!.GetValue<string>().Should().Be("Recorded", "a reset goes back to the recording");
    }

    [Fact]
    public async Task Replay_AnEntityThatBreaksTheContract_IsServedAsRecorded_AndListedAtStart()
    {
        var entity = JsonNode.Parse(await GeneratedAsync("/api/v1/Contact/66"))!.AsObject();
        entity["Associate"] = new JsonObject { ["AssociateId"] = 4, ["Type"] = "eius" };
        entity["Nickname"] = "Bob";
        Directory.CreateDirectory(Path.Combine(Recording, "Contact"));
        await File.WriteAllTextAsync(Path.Combine(Recording, "Contact", "66.json"), entity.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(Recording, "Contact", ".66.json.0123.tmp"), "{ a write that never finished");
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();

        var running = MockServerCli.RunAsync(["--port", "0", "--quiet", "--replay", Recording], new Hashtable(), TextWriter.Synchronized(output), error, stop.Token);
        var url = await UrlAsync(output, running);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var served = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66"))!;
        await stop.CancelAsync();
        (await running.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, error.ToString());

        ((string)served["Associate"]!["Type"]!).Should().Be("eius");
        ((string)served["Nickname"]!).Should().Be("Bob");
        output.ToString().Should().Contain("1 recorded entities at their ids (Contact 66)").And.Contain("1 break the contract")
            .And.Contain("Contact 66").And.Contain("/Associate/Type: \"eius\" is not one of").And.Contain("/Nickname: ContactEntity has no property 'Nickname'");
    }

    private Task<SuperOfficeMockServer> StartRecordingAsync(SuperOfficeMockServer tenant) =>
        SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, Proxy = tenant.BaseAddress, RecordDirectory = Recording });

    /// <summary>Records what <paramref name="exchanges"/> send through a proxy to a tenant with 200 Contacts, then stops both.</summary>
    private async Task RecordAsync(Func<HttpClient, Task> exchanges)
    {
        await using var tenant = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, EntityCount = 200 });
        await using var proxy = await StartRecordingAsync(tenant);
        using var client = RawClient(proxy.BaseAddress);
        await exchanges(client);
    }

    private static async Task<string> GeneratedAsync(string path)
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://127.0.0.1:9/"), new SuperOfficeMockServerOptions { LogRequests = false });
        return Encoding.UTF8.GetString((await engine.HandleAsync(new MockRequest("GET", path))).Body);
    }

    private static string WithoutLinks(string entity)
    {
        var json = JsonNode.Parse(entity)!.AsObject();
        json.Remove("_Links");
        return json.ToJsonString();
    }

    private static async Task<string> UrlAsync(StringWriter output, Task running)
    {
        for (var i = 0; i < 1500 && !running.IsCompleted; i++)
        {
            if (ListeningOn().Match(output.ToString()) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new InvalidOperationException($"the mock did not start: {output}");
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningOn();
}
