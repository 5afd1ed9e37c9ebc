using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.InMemory;

/// <summary><see cref="SuperOfficeMockEngine"/>: the Kestrel host's answers without a socket.</summary>
public sealed class EngineTests : IDisposable
{
    private static readonly Uri Base = new("http://localhost:9091/");
    private readonly SuperOfficeMockEngine _engine = SuperOfficeMockEngine.Start(Base);

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Get_AnswersTheEntityWithLinksToTheCarriersAddress()
    {
        var answer = await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"));

        answer.StatusCode.Should().Be(200);
        answer.Headers["Content-Type"].Should().StartWith("application/json");
        answer.Headers.Should().ContainKey("ETag");
        var body = Parse(answer);
        body["ContactId"]!.GetValue<int>().Should().Be(66);
        body["_Links"]!["Self"]!.GetValue<string>().Should().Be("http://localhost:9091/api/v1/Contact/66");
    }

    [Fact]
    public void Routes_AreTheCatalogsWithTheMethodsEachServes()
    {
        _engine.Routes.Should().Contain("/api/v1/Contact/{id}", "GET, HEAD, PATCH").And.Contain("/api/v1/Relation/{id}", "GET, HEAD, PATCH, PUT");
    }

    [Fact]
    public async Task Patch_ChangesTheEntity_AndResetRestoresTheSeed()
    {
        var before = Parse(await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66")))["Name"]!.GetValue<string>();

        var answer = await _engine.HandleAsync(Patch("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"In memory"}]"""));

        answer.StatusCode.Should().Be(200);
        Parse(answer)["Name"]!.GetValue<string>().Should().Be("In memory");
        Parse(await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66")))["Name"]!.GetValue<string>().Should().Be("In memory");
        _engine.Reset();
        Parse(await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66")))["Name"]!.GetValue<string>().Should().Be(before);
    }

    [Fact]
    public async Task StaleIfMatch_Is412WithTheMocksReasonPhraseAndErrorBody()
    {
        var request = Patch("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""") with
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json-patch+json", ["If-Match"] = "\"stale\"" },
        };

        var answer = await _engine.HandleAsync(request);

        answer.StatusCode.Should().Be(412);
        answer.ReasonPhrase.Should().StartWith("Contact Changed Since"); // the mock's own, not the status' default
        Parse(answer)["Error"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Setup_ArrangesAProviderState_AndRefusesAnUnknownOne()
    {
        _engine.Setup("Contact 66 does not exist");

        (await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"))).StatusCode.Should().Be(404);
        var unknown = () => _engine.Setup("the moon is full");
        unknown.Should().Throw<ArgumentException>().WithMessage("*the moon is full*");
    }

    [Fact]
    public async Task Journal_RecordsEachAnsweredRequest_NewestFirst()
    {
        await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"));
        await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/999999?$select=Name"));

        _engine.Journal.Select(e => (e.Method, e.PathAndQuery, e.StatusCode)).Should().Equal(
            ("GET", "/api/v1/Contact/999999?$select=Name", 404), ("GET", "/api/v1/Contact/66", 200));
        _engine.ClearJournal();
        _engine.Journal.Should().BeEmpty();
    }

    [Theory]
    [InlineData("GET", "/api/v1/Contact/66", null)]
    [InlineData("GET", "/api/v1/Contact/66?$select=Name,Department", null)]
    [InlineData("GET", "/api/v1/Nothing/1", null)]
    [InlineData("PATCH", "/api/v1/Contact/66", "[{\"op\":\"test\",\"path\":\"/Name\",\"value\":\"not the name\"}]")]
    [InlineData("PATCH", "/api/v1/Contact/66", "{not json")]
    [InlineData("OPTIONS", "/api/v1/Contact/66", null)]
    public async Task Answer_IsTheKestrelHostsAnswer(string method, string pathAndQuery, string? body)
    {
        await using var server = await SuperOfficeMockServer.StartAsync();
        using var engine = SuperOfficeMockEngine.Start(server.BaseAddress);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var headers = new Dictionary<string, string> { ["Origin"] = "http://localhost:3000", ["Access-Control-Request-Method"] = "PATCH" };
        using var message = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        message.Headers.Add("Origin", headers["Origin"]);
        message.Headers.Add("Access-Control-Request-Method", "PATCH");
        if (body is not null)
        {
            headers["Content-Type"] = "application/json-patch+json";
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(headers["Content-Type"]);
        }

        using var overHttp = await client.SendAsync(message);
        var inMemory = await engine.HandleAsync(new MockRequest(method, pathAndQuery, headers, body is null ? null : Encoding.UTF8.GetBytes(body)));

        inMemory.StatusCode.Should().Be((int)overHttp.StatusCode);
        inMemory.ReasonPhrase.Should().Be(overHttp.ReasonPhrase);
        Encoding.UTF8.GetString(inMemory.Body).Should().Be(await overHttp.Content.ReadAsStringAsync());
        var httpHeaders = overHttp.Headers.Concat(overHttp.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Server" or "Transfer-Encoding"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        // Each store's tags start with its own random epoch: the serial after it is what must agree.
        inMemory.Headers.Where(h => h.Key is not ("Date" or "Server")).ToDictionary(h => h.Key, h => WithoutEpoch(h.Key, h.Value))
            .Should().BeEquivalentTo(httpHeaders.ToDictionary(h => h.Key, h => WithoutEpoch(h.Key, h.Value)));
    }

    private static MockRequest Patch(string path, string json) =>
        new("PATCH", path, new Dictionary<string, string> { ["Content-Type"] = "application/json-patch+json" }, Encoding.UTF8.GetBytes(json));

    private static string WithoutEpoch(string name, string value) =>
        name.Equals("ETag", StringComparison.OrdinalIgnoreCase) ? value[(value.IndexOf('-', StringComparison.Ordinal) + 1)..] : value;

    private static JsonNode Parse(MockResponse answer) => JsonNode.Parse(answer.Body)!;
}
