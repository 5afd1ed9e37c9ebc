using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>Sessions and the coverage of the contract on a WireMock.Net server: <c>Session(name)</c>, <c>/__contract/sessions</c>, <c>/__contract/coverage</c>.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly SuperOfficeContract _contract = SuperOfficeWireMock.Start(new SuperOfficeContractOptions { Mock = new() { LogRequests = false } });
    private readonly HttpClient _http;

    public SessionTests() => _http = new HttpClient { BaseAddress = _contract.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        _contract.Dispose();
    }

    [Fact]
    public async Task ASessionsSetup_IsSeenByRequestsThatNameIt_Only()
    {
        _contract.Session("w1").Setup("Contact 66 does not exist");

        using var named = new HttpRequestMessage(HttpMethod.Get, "/api/v1/Contact/66") { Headers = { { "X-Mock-Session", "w1" } } };
        (await _http.SendAsync(named)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _http.GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSessionsAndTheCoverage_AreServedUnderTheContractsPaths()
    {
        using var named = new HttpRequestMessage(HttpMethod.Get, "/api/v1/Contact/66") { Headers = { { "X-Mock-Session", "w2" } } };
        (await _http.SendAsync(named)).StatusCode.Should().Be(HttpStatusCode.OK);

        var sessions = JsonNode.Parse(await _http.GetStringAsync("/__contract/sessions"))!["sessions"]!.AsArray();
        var coverage = JsonNode.Parse(await _http.GetStringAsync("/__contract/coverage"))!;
        using var drop = await _http.DeleteAsync("/__contract/sessions/w2");
        using var again = await _http.DeleteAsync("/__contract/sessions/w2");

        sessions.Select(s => s!["name"]!.GetValue<string>()).Should().Equal("w2");
        coverage["operations"]!.AsArray().Single(o => o!["operation"]!.GetValue<string>() == "GET Contact/{id}")!["statuses"]!["200"]!.GetValue<long>().Should().Be(1);
        drop.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var clear = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/__contract/coverage"));
        clear.StatusCode.Should().Be(HttpStatusCode.NoContent);
        JsonNode.Parse(await _http.GetStringAsync("/__contract/coverage"))!["covered"]!.GetValue<int>().Should().Be(0);
    }
}
