using System.Net;
using System.Text;
using ContractHarness.MockServer;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>What is particular to carrying the contract in a WireMock.Net server.</summary>
public sealed class WireMockHostTests
{
    private static readonly SuperOfficeContractOptions Quiet = new() { Mock = new SuperOfficeMockServerOptions { LogRequests = false } };

    [Fact]
    public async Task TeamsOwnMapping_AtTheDefaultPriority_WinsOverTheContract()
    {
        using var contract = SuperOfficeWireMock.Start(Quiet);
        contract.Server.Given(Request.Create().WithPath("/api/v1/Contact/66").UsingGet()).RespondWith(Response.Create().WithStatusCode(418));
        using var http = new HttpClient { BaseAddress = contract.BaseAddress };

        (await http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be((HttpStatusCode)418);
        (await http.GetAsync("/api/v1/Contact/67")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AddSuperOfficeContract_OnATeamsServer_BoundsItsRequestLog()
    {
        using var server = WireMockServer.Start();
        using var contract = server.AddSuperOfficeContract(new SuperOfficeContractOptions { Mock = Quiet.Mock, MaxRequestLogCount = 3 });
        using var http = new HttpClient { BaseAddress = contract.BaseAddress };

        for (var i = 0; i < 6; i++)
        {
            (await http.GetAsync($"/api/v1/Contact/{60 + i}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        server.LogEntries.Should().HaveCount(3);
        contract.Journal.Should().HaveCount(6);
        server.Stop();
    }

    [Fact]
    public async Task Dispose_OnATeamsServer_RemovesTheContractsMappingsOnly()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/team").UsingGet()).RespondWith(Response.Create().WithStatusCode(204));
        var contract = server.AddSuperOfficeContract(Quiet);
        using var http = new HttpClient { BaseAddress = contract.BaseAddress };
        (await http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.OK);

        contract.Dispose();

        (await http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync("/team")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        server.Mappings.Should().ContainSingle();
        server.Stop();
    }

    [Fact]
    public async Task SetupResetAndJournal_AreCSharpCalls()
    {
        using var contract = SuperOfficeWireMock.Start(Quiet);
        using var http = new HttpClient { BaseAddress = contract.BaseAddress };

        contract.Setup("Contact 66 does not exist");
        (await http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        contract.Reset();
        (await http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.OK);
        contract.Journal.Select(e => e.StatusCode).Should().Equal(200, 404);
    }

    [Fact]
    public async Task ProviderStateUrl_IsServedUnderContractNotAdmin_WhichStaysWireMocks()
    {
        using var server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = true });
        using var contract = server.AddSuperOfficeContract(Quiet);
        using var http = new HttpClient { BaseAddress = contract.BaseAddress };

        using var state = await http.PostAsync("/__contract/provider-states",
            new StringContent("""{"action":"setup","state":"Contact 66 does not exist"}""", Encoding.UTF8, "application/json"));
        state.StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var admin = await http.GetStringAsync("/__admin/mappings");
        admin.Should().Contain("SuperOffice contract: PATCH /api/v1/Contact/{id}", "WireMock.Net's own admin API answers /__admin");
        server.Stop();
    }

    [Fact]
    public async Task ReasonPhrase_IsTheStatusDefaultOnWireMock_WhereKestrelSendsTheMocksOwn()
    {
        using var contract = SuperOfficeWireMock.Start(Quiet);
        await using var kestrel = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });

        var onWireMock = await StalePatchAsync(contract.BaseAddress);
        var onKestrel = await StalePatchAsync(kestrel.BaseAddress);

        onWireMock.Should().Be((HttpStatusCode.PreconditionFailed, "Precondition Failed"));
        onKestrel.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        onKestrel.Reason.Should().StartWith("Contact Changed Since");
    }

    private static async Task<(HttpStatusCode Status, string? Reason)> StalePatchAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/Contact/66")
        {
            Content = new StringContent("""[{"op":"replace","path":"/Name","value":"x"}]""", Encoding.UTF8, "application/json-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT");
        using var answer = await http.SendAsync(request);
        return (answer.StatusCode, answer.ReasonPhrase);
    }
}
