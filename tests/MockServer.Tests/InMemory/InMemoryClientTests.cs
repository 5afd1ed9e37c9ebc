using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.InMemory;

/// <summary>
/// <see cref="SuperOfficeMockEngine.CreateClient"/> and <see cref="SuperOfficeMockEngine.CreateHandler"/>: the mock
/// through an <see cref="HttpClient"/> with no socket, for a base address of any name.
/// </summary>
public sealed class InMemoryClientTests : IDisposable
{
    private readonly SuperOfficeMockEngine _engine = SuperOfficeMockEngine.Start(new Uri("http://mock.test/"));

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Client_OfAnEngineOnANonLoopbackName_IsAnsweredAndLinksPointThere()
    {
        using var client = _engine.CreateClient();

        client.BaseAddress.Should().Be(new Uri("http://mock.test/"));
        using var response = await client.GetAsync("/api/v1/Contact/66");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the engine answers for the base address it was started with, not 421");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["_Links"]!["Self"]!.GetValue<string>().Should().Be("http://mock.test/api/v1/Contact/66");
        response.Headers.ETag.Should().NotBeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task Client_KeepsState_AndSendsBodiesWithTheirContentType()
    {
        using var client = _engine.CreateClient();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/Contact/66")
        {
            Content = new StringContent("""{"Name":"Through the handler"}""", Encoding.UTF8, "application/merge-patch+json"),
        };

        using var patched = await client.SendAsync(patch);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/v1/Contact/66"))!;

        patched.StatusCode.Should().Be(HttpStatusCode.OK, await patched.Content.ReadAsStringAsync());
        stored["Name"]!.GetValue<string>().Should().Be("Through the handler");
    }

    [Fact]
    public async Task Client_OfAHostTheEngineDoesNotServe_Is421()
    {
        using var client = _engine.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/Contact/66");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MisdirectedRequest);
    }

    [Fact]
    public async Task AnAbortedAnswer_IsAnHttpRequestException_AsAResetConnectionIs()
    {
        using var client = _engine.CreateClient();
        using var rule = new StringContent("""{"entity":"Contact","method":"GET","abort":true,"times":1}""", Encoding.UTF8, "application/json");
        (await client.PostAsync("/__admin/faults", rule)).StatusCode.Should().Be(HttpStatusCode.Created);

        var get = () => client.GetAsync("/api/v1/Contact/66");

        await get.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Handler_AnswersAbsoluteUris_WithoutABaseAddress()
    {
        using var client = new HttpClient(_engine.CreateHandler());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.GetAsync(new Uri("http://mock.test/api/v1/Ticket/900"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void Start_WithARelativeBaseAddress_IsRefused()
    {
        var start = () => SuperOfficeMockEngine.Start(new Uri("/relative", UriKind.Relative));

        start.Should().Throw<ArgumentException>().WithMessage("*absolute*");
    }
}
