using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer;
using ContractHarness.Pact;
using ContractHarness.Pact.Verifier;
using ContractHarness.WireMock;
using WireMock.Server;
using Xunit;

namespace PackageConsumer.Tests;

/// <summary>What a team's test project does with the packages, with nothing of the repository on its paths.</summary>
public sealed class PackageTests
{
    private static readonly string? Repository = Environment.GetEnvironmentVariable("CONTRACTHARNESS_REPOSITORY");

    [Fact]
    public void TheAssembliesAndTheEngine_ComeFromThePackages_NotFromTheRepository()
    {
        Assert.False(string.IsNullOrEmpty(Repository), "package-proof.sh names the repository, so that this test can tell it apart");
        foreach (var assembly in new[] { typeof(SuperOfficeMockServer).Assembly, typeof(Pact).Assembly, typeof(WireMockServerExtensions).Assembly })
        {
            Assert.False(assembly.Location.StartsWith(Repository!, StringComparison.Ordinal), $"{assembly.Location} is inside the repository");
        }

        var engine = Directory.GetFiles(AppContext.BaseDirectory, "libpact_ffi.so", SearchOption.AllDirectories);
        Assert.Contains(engine, f => f.Contains(Path.Combine("runtimes", "linux-x64", "native"), StringComparison.Ordinal));
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            Assert.False(File.Exists(Path.Combine(folder.FullName, "contracts", "endpoints.json")), $"a contracts folder above the tests: {folder.FullName}");
        }
    }

    [Fact]
    public async Task TheMock_StartsInProcess_OnTheEmbeddedContract()
    {
        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0 });
        using var http = new HttpClient { BaseAddress = mock.BaseAddress };

        var contact = JsonNode.Parse(await http.GetStringAsync("/api/v1/Contact/66"))!;
        using var docs = await http.GetAsync("/__admin/docs");

        Assert.Equal(66, contact["ContactId"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task TheInMemoryClient_KeepsState_WithoutASocket()
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://mock.test/"));
        using var client = engine.CreateClient();

        using var patched = await client.PatchAsync("/api/v1/Contact/66",
            new StringContent("""[{"op":"replace","path":"/Name","value":"From a package"}]""", Encoding.UTF8, "application/json-patch+json"));
        using var refused = await client.PatchAsync("/api/v1/Contact/66",
            new StringContent("""[{"op":"test","path":"/Name","value":"Someone else"}]""", Encoding.UTF8, "application/json-patch+json"));
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66"))!;

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("From a package", stored["Name"]!.GetValue<string>());
        Assert.Equal("http://mock.test/api/v1/Contact/66", stored["_Links"]!["Self"]!.GetValue<string>());
    }

    [Fact]
    public async Task APactWrittenWithThePackagedEngine_VerifiesAgainstTheInProcessMock()
    {
        var pactDir = Directory.CreateTempSubdirectory("package-pacts-").FullName;
        var pact = Pact.V4("PackageConsumer", "SuperOfficeWebApi", new PactConfig { PactDir = pactDir }).WithHttpInteractions();
        pact.UponReceiving("a request for Contact 66")
            .Given("Contact exists", new { id = 66 })
            .WithRequest(HttpMethod.Get, "/api/v1/Contact/66")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new { ContactId = 66 });
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await http.GetAsync("/api/v1/Contact/66")).EnsureSuccessStatusCode();
        });

        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0 });
        var result = await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(mock.BaseAddress)
            .WithFileSource(Path.Combine(pactDir, "PackageConsumer-SuperOfficeWebApi.json"))
            .WithProviderStateUrl(new Uri(mock.BaseAddress, "__admin/provider-states"), teardown: true)
            .ExecuteAsync();

        Assert.True(result.Passed, result.Output);
    }

    [Fact]
    public async Task APactTheMockBreaks_FailsVerification()
    {
        var pactDir = Directory.CreateTempSubdirectory("package-pacts-").FullName;
        var pact = Pact.V4("BrokenConsumer", "SuperOfficeWebApi", new PactConfig { PactDir = pactDir }).WithHttpInteractions();
        pact.UponReceiving("a request for a Contact the provider does not have")
            .WithRequest(HttpMethod.Get, "/api/v1/Contact/99999")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK);
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await http.GetAsync("/api/v1/Contact/99999")).EnsureSuccessStatusCode();
        });

        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0 });
        var result = await new PactVerifier("SuperOfficeWebApi")
            .WithHttpEndpoint(mock.BaseAddress)
            .WithFileSource(Path.Combine(pactDir, "BrokenConsumer-SuperOfficeWebApi.json"))
            .ExecuteAsync();

        Assert.False(result.Passed, "the mock answers 404 for Contact 99999, so a pact that expects 200 must fail");
    }

    [Fact]
    public async Task TheContract_AnswersOnAWireMockNetServer()
    {
        using var server = WireMockServer.Start();
        server.AddSuperOfficeContract();
        using var http = new HttpClient { BaseAddress = new Uri(server.Url!) };

        var ticket = JsonNode.Parse(await http.GetStringAsync("/api/v1/Ticket/900"))!;
        using var missing = await http.GetAsync("/api/v1/Ticket/123456");

        Assert.Equal(900, ticket["TicketId"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
