using System.Net;
using System.Text.Json.Nodes;
using static ContractHarness.MockServer.Tests.Proxy.ProxyAdmin;

namespace ContractHarness.MockServer.Tests.Proxy;

/// <summary>
/// <c>--proxy</c> in front of a second mock as the tenant (one that requires authorization): the client gets the
/// tenant's answers byte for byte with the violations count, the mock keeps <c>/__admin</c> and unknown paths to
/// itself, and the mock, checked against its own contract, breaks none of it.
/// </summary>
public sealed class ProxyPassThroughTests : IAsyncLifetime
{
    private static readonly (string, string) Auth = ("Authorization", "Bearer tenant-user");

    private SuperOfficeMockServer _tenant = null!;
    private SuperOfficeMockServer _proxy = null!;
    private HttpClient _viaProxy = null!;
    private HttpClient _direct = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, RequireAuth = true });
        _proxy = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, Proxy = _tenant.BaseAddress });
        _viaProxy = RawClient(_proxy.BaseAddress);
        _direct = RawClient(_tenant.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _viaProxy.Dispose();
        _direct.Dispose();
        await _proxy.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/v1/Contact/66")]
    [InlineData("/api/v1/Ticket/900")]
    [InlineData("/api/v1/Relation/3")]
    [InlineData("/api/v1/Project/7?$select=Name,Description")]
    [InlineData("/api/v1/Document/999999")]
    public async Task Get_IsTheTenantsAnswerByteForByte_WithNoViolation(string path)
    {
        using var proxied = await SendAsync(_viaProxy, HttpMethod.Get, path, headers: Auth);
        using var direct = await SendAsync(_direct, HttpMethod.Get, path, headers: Auth);

        proxied.StatusCode.Should().Be(direct.StatusCode);
        proxied.ReasonPhrase.Should().Be(direct.ReasonPhrase);
        (await proxied.Content.ReadAsByteArrayAsync()).Should().Equal(await direct.Content.ReadAsByteArrayAsync());
        foreach (var header in new[] { "ETag", "Cache-Control", "Content-Type" })
        {
            Values(proxied, header).Should().Be(Values(direct, header), header);
        }

        proxied.Content.Headers.LastModified.Should().Be(direct.Content.Headers.LastModified);
        Count(proxied).Should().Be(0, string.Join("; ", await LastViolationsAsync(_viaProxy)));
        direct.Headers.Contains(CountHeader).Should().BeFalse("the tenant does not count");
    }

    [Fact]
    public async Task Updates_ReachTheTenant_AndTheirAnswersComeBackUnchanged()
    {
        using var patched = await SendAsync(_viaProxy, HttpMethod.Patch, "/api/v1/Contact/5", """[{"op":"replace","path":"/Department","value":"Proxied"}]""",
            "application/json-patch+json", Auth);
        var answer = await patched.Content.ReadAsStringAsync();
        patched.StatusCode.Should().Be(HttpStatusCode.OK, answer);
        Count(patched).Should().Be(0, string.Join("; ", await LastViolationsAsync(_viaProxy)));

        using var read = await SendAsync(_direct, HttpMethod.Get, "/api/v1/Contact/5", headers: Auth);
        (await read.Content.ReadAsStringAsync()).Should().Be(answer, "the tenant stored the update and answers the version the proxy passed on");
        JsonNode.Parse(answer)!["Department"]!.GetValue<string>().Should().Be("Proxied");

        using var stale = await SendAsync(_viaProxy, HttpMethod.Patch, "/api/v1/Contact/5", """{"Department":"Late"}""", "application/merge-patch+json",
            Auth, ("If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"));
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        stale.ReasonPhrase.Should().Be("Contact Changed Since If-Unmodified-Since", "the tenant's reason phrase passes");
        Count(stale).Should().Be(0);

        using var conflict = await SendAsync(_viaProxy, HttpMethod.Patch, "/api/v1/Contact/5", """[{"op":"test","path":"/Department","value":"Other"}]""",
            "application/json-patch+json", Auth);
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Count(conflict).Should().Be(0);

        using var relation = await SendAsync(_direct, HttpMethod.Get, "/api/v1/Relation/3", headers: Auth);
        using var put = await SendAsync(_viaProxy, HttpMethod.Put, "/api/v1/Relation/3", await relation.Content.ReadAsStringAsync(), "application/json", Auth);
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        Count(put).Should().Be(0, string.Join("; ", await LastViolationsAsync(_viaProxy)));
    }

    [Fact]
    public async Task WithoutAuthorization_TheTenantsChallengePasses_AndTheRequestIsTheViolation()
    {
        using var refused = await SendAsync(_viaProxy, HttpMethod.Get, "/api/v1/Contact/66");

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().Should().Be("Basic realm=\"SuperOffice Username or Ticket\"");
        Count(refused).Should().Be(1);
        (await LastViolationsAsync(_viaProxy)).Should().Equal(("request", "header:Authorization"));
    }

    [Fact]
    public async Task Admin_AndPathsOutsideTheCatalog_AreTheMocksOwn_NeverForwarded()
    {
        using var clear = await SendAsync(_direct, HttpMethod.Delete, "/__admin/requests");

        using var health = await SendAsync(_viaProxy, HttpMethod.Get, "/__admin/health");
        using var reset = await SendAsync(_viaProxy, HttpMethod.Post, "/__admin/reset", string.Empty, "application/json");
        using var other = await SendAsync(_viaProxy, HttpMethod.Get, "/api/v1/Person/5", headers: Auth);
        using var collection = await SendAsync(_viaProxy, HttpMethod.Get, "/api/v1/Contact/", headers: Auth);

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        collection.StatusCode.Should().Be(HttpStatusCode.NotFound);
        other.Headers.Contains(CountHeader).Should().BeFalse();
        (await JournalAsync(_direct)).Should().BeEmpty("the tenant saw none of them");
    }

    [Fact]
    public async Task Head_PassesTheTenantsLengthWithoutABody()
    {
        using var proxied = await SendAsync(_viaProxy, HttpMethod.Head, "/api/v1/Contact/66", headers: Auth);
        using var direct = await SendAsync(_direct, HttpMethod.Head, "/api/v1/Contact/66", headers: Auth);

        proxied.StatusCode.Should().Be(HttpStatusCode.OK);
        proxied.Content.Headers.ContentLength.Should().Be(direct.Content.Headers.ContentLength).And.BeGreaterThan(0);
        (await proxied.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        Count(proxied).Should().Be(0);
    }

    [Fact]
    public async Task InMemoryEngine_ForwardsToo()
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9091/"), new SuperOfficeMockServerOptions { LogRequests = false, Proxy = _tenant.BaseAddress });

        var answer = await engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66", new Dictionary<string, string> { ["Authorization"] = "Bearer x" }));
        using var direct = await SendAsync(_direct, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);

        answer.StatusCode.Should().Be(200);
        answer.Body.Should().Equal(await direct.Content.ReadAsByteArrayAsync());
        answer.Headers[CountHeader].Should().Be("0");
    }

    private static string Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "(none)";
}
