using System.Net;
using System.Text;
using ContractHarness.MockServer;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>The contract's journal on a WireMock.Net server shows what the mock's own journal shows.</summary>
public sealed class ContractJournalTests
{
    [Fact]
    public async Task Journal_ShowsTheOperationHeadersAndBothBodies()
    {
        using var contract = SuperOfficeWireMock.Start(new SuperOfficeContractOptions { Mock = new SuperOfficeMockServerOptions { LogRequests = false } });
        using var http = new HttpClient { BaseAddress = contract.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/Contact/66")
        {
            Content = new StringContent("""[{"op":"replace","path":"/Department","value":"Carried"}]""", Encoding.UTF8, "application/json-patch+json"),
        };
        request.Headers.Authorization = new("Bearer", "team-token");

        using var response = await http.SendAsync(request);
        var answered = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = contract.Journal.Single();
        entry.Operation.Should().Be("PATCH Contact/{id}");
        entry.RequestHeaders["Authorization"].Should().Be("[redacted]");
        entry.RequestBody.Should().Contain("Carried");
        entry.ResponseBody.Should().Be(answered);
    }
}
