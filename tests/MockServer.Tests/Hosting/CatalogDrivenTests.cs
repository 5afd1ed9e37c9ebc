using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using ContractHarness.MockServer.Tests.Support;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>Routes come from the catalog alone: another catalog entry is another working endpoint, with no code.</summary>
public sealed class CatalogDrivenTests : IDisposable
{
    private readonly string _contracts = TestPaths.NewTempDirectory();

    public CatalogDrivenTests()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Contracts, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_contracts, Path.GetRelativePath(TestPaths.Contracts, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task SixthCatalogEntry_BecomesASixthWorkingEndpoint()
    {
        AddEndpoint("/api/v1/Company/{id}", "Company");
        await using var server = await StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        (await client.GetAsync("/api/v1/Company/1")).StatusCode.Should().Be(HttpStatusCode.OK);
        var patch = new StringContent("""[{"op":"replace","path":"/Name","value":"Sixth"}]""", Encoding.UTF8);
        patch.Headers.ContentType = new MediaTypeHeaderValue("application/json-patch+json");
        using var patched = await client.PatchAsync("/api/v1/Company/66", patch);
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await patched.Content.ReadAsStringAsync();
        Json.ShouldMatchSchema(body, "ContactEntity");
        JsonNode.Parse(body)!["_Links"]!["Self"]!.GetValue<string>().Should().EndWith("/api/v1/Company/66");
        server.EntityCounts.Should().HaveCount(6);
    }

    [Fact]
    public async Task CatalogRouteInsideTheAdminPrefix_IsRefusedAtStartUp()
    {
        AddEndpoint("/__admin/health/{id}", "Health");

        var start = StartAsync;

        (await start.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("/__admin");
    }

    public void Dispose() => Directory.Delete(_contracts, recursive: true);

    private Task<SuperOfficeMockServer> StartAsync() =>
        SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, ContractsDirectory = _contracts });

    private void AddEndpoint(string route, string resource)
    {
        var path = Path.Combine(_contracts, "endpoints.json");
        var catalog = JsonNode.Parse(File.ReadAllText(path))!;
        var endpoints = catalog["endpoints"]!.AsArray();
        var copy = endpoints[0]!.DeepClone().AsObject();
        copy["id"] = $"v1{resource}_Patch{resource}";
        copy["title"] = $"PATCH {resource}/{{id}}";
        copy["route"] = route;
        copy["resource"] = resource;
        endpoints.Add(copy);
        File.WriteAllText(path, catalog.ToJsonString());
    }
}
