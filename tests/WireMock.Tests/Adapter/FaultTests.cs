using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContractHarness.MockServer;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>Forced answers and fault rules through the WireMock.Net carrier: the engine's, under <c>/__contract/faults</c>.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly SuperOfficeContract _contract = SuperOfficeWireMock.Start(new SuperOfficeContractOptions { Mock = new SuperOfficeMockServerOptions { LogRequests = false } });
    private readonly HttpClient _http;

    public FaultTests() => _http = new HttpClient { BaseAddress = _contract.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        _contract.Dispose();
    }

    [Fact]
    public async Task Prefer_ForcesTheDocumentedAnswer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/Contact/66");
        request.Headers.TryAddWithoutValidation("Prefer", "code=503");

        using var answer = await _http.SendAsync(request);

        answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("\"ErrorType\":\"Fault\"");
    }

    [Fact]
    public async Task FaultRules_AreManagedUnderTheContractPath_WithTheirLocationThere()
    {
        using var added = await _http.PostAsync("/__contract/faults", new StringContent("""{"entity":"Ticket","status":500,"times":1}""", Encoding.UTF8, "application/json"));

        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        added.Headers.Location!.OriginalString.Should().MatchRegex("^/__contract/faults/f[0-9]+$");
        (await _http.GetAsync("/api/v1/Ticket/900")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await _http.GetAsync("/api/v1/Ticket/900")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.PostAsync("/__contract/faults", new StringContent("""{"status":502}""", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _http.GetAsync("/__contract/faults")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.DeleteAsync(added.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the rule expired after its one use");
        (await _http.DeleteAsync("/__contract/faults")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _http.GetAsync("/api/v1/Ticket/900")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>
    /// A response callback cannot reset WireMock.Net's connection; its nearest fault, <c>EMPTY_RESPONSE</c>, is a 200
    /// with no headers of the mock and no body (its <c>MALFORMED_RESPONSE_CHUNK</c> sends garbage bytes after a 200 instead).
    /// </summary>
    [Fact]
    public async Task AbortRule_IsWireMockNetsEmptyResponseFault_A200WithNothing()
    {
        (await _http.PostAsync("/__contract/faults", new StringContent("""{"abort":true}""", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.Created);

        using var answer = await _http.GetAsync("/api/v1/Contact/66");

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        answer.Content.Headers.ContentType.Should().BeNull();
    }
}
