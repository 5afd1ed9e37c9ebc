using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class CorsTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string RequestedHeaders = "authorization, if-unmodified-since, content-type, accept-language, so-language, so-timezone, x-xsrf-token, x-mock-session";

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1:5173")]
    [InlineData("http://localhost")]
    public async Task Preflight_FromLoopbackPage_IsAllowedWithTheDocumentedHeaders(string origin)
    {
        using var response = await Preflight(origin, "PATCH", RequestedHeaders);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(origin);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("PATCH").And.Contain("PUT");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Be(RequestedHeaders);
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_IsRefusedWithoutAllowOrigin()
    {
        using var response = await Preflight("http://evil.example", "PATCH", "authorization");

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden);
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task Preflight_WithUndocumentedHeader_IsRefused()
    {
        using var response = await Preflight("http://localhost:3000", "PATCH", "x-secret-header");

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ActualRequest_FromLoopbackPage_CarriesAllowOrigin()
    {
        using var response = await GetAsync("/api/v1/Contact/66", ("Origin", "http://localhost:3000"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("http://localhost:3000");
    }

    [Fact]
    public async Task ActualRequest_ErrorAnswerFromLoopbackPage_StillCarriesAllowOrigin()
    {
        using var response = await GetAsync("/api/v1/Contact/99999", ("Origin", "http://localhost:3000"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("http://localhost:3000");
    }

    [Fact]
    public async Task ActualRequest_FromOtherOrigin_HasNoAllowOrigin()
    {
        using var response = await GetAsync("/api/v1/Contact/66", ("Origin", "http://evil.example"));

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    private Task<HttpResponseMessage> Preflight(string origin, string method, string headers) =>
        SendAsync(HttpMethod.Options, "/api/v1/Contact/66", null, null,
            ("Origin", origin), ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", headers));
}

[Hosts(MockHosts.All)]
public sealed class ConfiguredCorsTests(ExtraCorsOriginFixture fixture) : MockServerTestBase<ExtraCorsOriginFixture>(fixture)
{
    [Fact]
    public async Task Preflight_FromConfiguredOrigin_IsAllowed()
    {
        using var response = await SendAsync(HttpMethod.Options, "/api/v1/Contact/66", null, null,
            ("Origin", ExtraCorsOriginFixture.Origin), ("Access-Control-Request-Method", "PATCH"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(ExtraCorsOriginFixture.Origin);
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_IsStillRefused()
    {
        using var response = await SendAsync(HttpMethod.Options, "/api/v1/Contact/66", null, null,
            ("Origin", "http://evil.example"), ("Access-Control-Request-Method", "PATCH"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
