using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Admin;

/// <summary>The browser side of /__admin over HTTP: the OpenAPI document, the docs and the admin page (run against the native mock too).</summary>
[Hosts(MockHosts.All)]
public sealed class AdminPagesTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task OpenApi_NamesTheAddressTheClientCame_ToAsItsOnlyServer_AndIsTheContractOtherwise(string host)
    {
        using var response = await GetAsync("/__admin/openapi.json", ("Host", $"{host}:{Fixture.Port}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var served = await Json.ObjectAsync(response);
        var servers = served["servers"]!.AsArray();
        servers.Should().ContainSingle();
        servers[0]!["url"]!.GetValue<string>().Should().Be($"http://{host}:{Fixture.Port}");
        var contract = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Contracts, "openapi.json")))!.AsObject();
        served.Remove("servers");
        contract.Remove("servers");
        JsonNode.DeepEquals(served, contract).Should().BeTrue("only servers may differ from contracts/openapi.json");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData(null)]
    [InlineData("text/html;q=0, application/json")]
    public async Task Index_ForAJsonClient_StaysTheJsonIndex(string? accept)
    {
        using var response = accept is null ? await GetAsync("/__admin") : await GetAsync("/__admin", ("Accept", accept));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await Json.ObjectAsync(response))["operations"]!.AsArray().Should().Contain(o => o!.GetValue<string>() == "GET /__admin/health");
    }

    [Theory]
    [InlineData("/__admin", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    [InlineData("/__admin/", null)]
    [InlineData("/__admin/", "application/json")]
    public async Task AdminPage_ForABrowserOrWithTheSlash_IsHtmlThatRunsOnlyItsOwnScript(string path, string? accept)
    {
        using var response = accept is null ? await GetAsync(path) : await GetAsync(path, ("Accept", accept));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<script src=\"/__admin/ui/admin.js\">");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.Contain("script-src 'self';").And.Contain("connect-src 'self'").And.NotContain("unsafe");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Theory]
    [InlineData("/__admin/ui/admin.js", "text/javascript")]
    [InlineData("/__admin/ui/admin.css", "text/css")]
    [InlineData("/__admin/docs/docs.js", "text/javascript")]
    public async Task OwnAssets_HaveTheirTypes_AndAreRevalidated(string path, string mediaType)
    {
        using var response = await GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task Docs_IsSwaggerUiOnTheMocksOwnDocument_WithItsStylesAllowedInline_ButNoInlineScript()
    {
        using var response = await GetAsync("/__admin/docs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("/__admin/docs/swagger-ui-bundle.js").And.Contain("/__admin/docs/LICENSE");
        (await GetTextAsync("/__admin/docs/docs.js")).Should().Contain("url: '/__admin/openapi.json'");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("script-src 'self';").And.Contain("style-src 'self' 'unsafe-inline'");
    }

    [Theory]
    [InlineData("/__admin/docs/swagger-ui-bundle.js", "text/javascript", "SwaggerUIBundle")]
    [InlineData("/__admin/docs/swagger-ui-standalone-preset.js", "text/javascript", "SwaggerUIStandalonePreset")]
    [InlineData("/__admin/docs/swagger-ui.css", "text/css", ".swagger-ui")]
    [InlineData("/__admin/docs/LICENSE", "text/plain", "Apache License")]
    [InlineData("/__admin/docs/NOTICE", "text/plain", "SmartBear")]
    [InlineData("/__admin/docs/swagger-ui-bundle.js.LICENSE.txt", "text/plain", "@license")]
    public async Task SwaggerUiFiles_AreBundledWithTheirLicence_TypedAndCacheable(string path, string mediaType, string content)
    {
        using var response = await GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.CacheControl!.Public.Should().BeTrue();
        response.Headers.CacheControl.MaxAge.Should().BePositive();
        (await response.Content.ReadAsStringAsync()).Should().Contain(content);
    }

    [Theory]
    [InlineData("/__admin/docs/swagger-ui-bundle.js.map")]
    [InlineData("/__admin/docs/index.html")]
    [InlineData("/__admin/ui/../openapi.json.bak")]
    public async Task FilesThatAreNotBundled_Are404(string path)
    {
        using var response = await GetAsync(path);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/__admin/")]
    [InlineData("/__admin/docs")]
    [InlineData("/__admin/openapi.json")]
    [InlineData("/__admin/docs/swagger-ui-bundle.js")]
    public async Task Pages_FromAForeignOrigin_Are403(string path)
    {
        using var response = await GetAsync(path, ("Origin", "https://evil.example"));

        await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/__admin/")]
    [InlineData("/__admin/openapi.json")]
    public async Task Pages_ForAHostTheMockDoesNotServe_Are421(string path)
    {
        using var response = await GetAsync(path, ("Host", "evil.example"));

        await response.ShouldBeErrorAsync(HttpStatusCode.MisdirectedRequest);
    }

    [Theory]
    [InlineData("/__admin/openapi.json")]
    [InlineData("/__admin/docs")]
    public async Task Pages_AreReadOnly(string path)
    {
        using var response = await SendAsync(HttpMethod.Post, path, "{}", "application/json");

        await response.ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed);
    }
}

/// <summary>With --admin-token the pages open without it (a browser cannot send it), and what they read still needs it.</summary>
[Hosts(MockHosts.All)]
public sealed class AdminPagesTokenTests(AdminTokenFixture fixture) : MockServerTestBase<AdminTokenFixture>(fixture)
{
    [Theory]
    [InlineData("/__admin/")]
    [InlineData("/__admin/ui/admin.js")]
    [InlineData("/__admin/docs")]
    [InlineData("/__admin/openapi.json")]
    public async Task Pages_NeedNoToken(string path)
    {
        using var response = await GetAsync(path, ("Accept", "text/html"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/__admin/requests")]
    [InlineData("/__admin")]
    public async Task WhatThePagesRead_StillNeedsTheToken(string path)
    {
        using var without = await GetAsync(path, ("Accept", "application/json"));
        using var with = await GetAsync(path, ("Accept", "application/json"), ("Authorization", $"Bearer {AdminTokenFixture.Token}"));

        await without.ShouldBeErrorAsync(HttpStatusCode.Unauthorized);
        with.StatusCode.Should().Be(HttpStatusCode.OK);
        with.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }
}
