using System.Net.Http.Headers;
using System.Net;
using System.Text;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Tests.Support;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Admin;

/// <summary>A page on another site can neither change the mock through /__admin nor reach it by DNS rebinding.</summary>
[Hosts(MockHosts.All)]
public sealed class AdminSafetyTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";
    private const string Evil = "https://evil.example";

    [Theory]
    [InlineData("text/plain", Evil)]
    [InlineData("application/json", Evil)]
    [InlineData("text/plain", null)]
    [InlineData(null, null)]
    public async Task Reset_FromOtherOriginOrWithoutJsonContentType_IsRefusedAndResetsNothing(string? contentType, string? origin)
    {
        (await PatchAsync(Contact, """{"Name":"patched"}""", "application/merge-patch+json")).EnsureSuccessStatusCode();

        using var response = await PostAdminAsync("/__admin/reset", string.Empty, contentType, origin);

        await response.ShouldBeErrorAsync(origin is null ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.Forbidden);
        (await GetEntityAsync(Contact))["Name"]!.GetValue<string>().Should().Be("patched");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("text/plain", null)]
    [InlineData("application/json", Evil)]
    [InlineData("application/json", "null")]
    public async Task ProviderState_FromOtherOriginOrWithoutJsonContentType_IsRefusedAndDeletesNothing(string? contentType, string? origin)
    {
        using var response = await PostAdminAsync("/__admin/provider-states", """{"action":"setup","state":"Contact 66 does not exist"}""", contentType, origin);

        await response.ShouldBeErrorAsync(origin is null ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.Forbidden);
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("application/json", "http://localhost:3000")]
    [InlineData("application/json; charset=utf-8", null)]
    public async Task ProviderState_FromLoopbackPageOrToolWithJson_IsApplied(string contentType, string? origin)
    {
        using var response = await PostAdminAsync("/__admin/provider-states", """{"action":"setup","state":"Contact 66 does not exist"}""", contentType, origin);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Request_ForAHostThatIsNotServed_Is421WithTheErrorBody(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__admin/reset") { Content = AdminRequests.JsonBody };
        request.Headers.Host = host;
        using var read = new HttpRequestMessage(HttpMethod.Get, Contact);
        read.Headers.Host = host;

        using var reset = await Client.SendAsync(request);
        using var get = await Client.SendAsync(read);

        await reset.ShouldBeErrorAsync(HttpStatusCode.MisdirectedRequest);
        await get.ShouldBeErrorAsync(HttpStatusCode.MisdirectedRequest);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:5080")]
    [InlineData("127.0.0.1:1")]
    [InlineData("[::1]:8080")]
    public async Task Request_ForALoopbackHost_IsServed(string host)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, Contact);
        read.Headers.Host = host;

        using var response = await Client.SendAsync(read);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Banner_OfAMockOnEveryInterface_SaysWhatIsExposed()
    {
        await using var server = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Host = "0.0.0.0", Port = 0, LogRequests = false });
        await using var loopback = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });

        Banner.For(server).Should().Contain("WARNING: bound to every network interface").And.Contain("/__admin").And.Contain("--admin-token");
        Banner.For(loopback).Should().NotContain("WARNING");
    }

    private async Task<HttpResponseMessage> PostAdminAsync(string path, string body, string? contentType, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Client.SendAsync(request);
    }
}

[Hosts(MockHosts.All)]
public sealed class AllowedHostTests(AllowedHostFixture fixture) : MockServerTestBase<AllowedHostFixture>(fixture)
{
    [Theory]
    [InlineData(AllowedHostFixture.Host, HttpStatusCode.OK)]
    [InlineData(AllowedHostFixture.Host + ":8080", HttpStatusCode.OK)]
    [InlineData("other.test", HttpStatusCode.MisdirectedRequest)]
    public async Task Request_ForAListedHost_IsServedAndOthersAreNot(string host, HttpStatusCode expected)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/Contact/66");
        read.Headers.Host = host;

        using var response = await Client.SendAsync(read);

        response.StatusCode.Should().Be(expected);
    }
}

[Hosts(MockHosts.All)]
public sealed class AdminTokenTests(AdminTokenFixture fixture) : MockServerTestBase<AdminTokenFixture>(fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Basic czNjcmV0LWFkbWlu")]
    public async Task AdminChange_WithoutTheToken_Is401AndChangesNothing(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__admin/provider-states")
        {
            Content = new StringContent("""{"action":"setup","state":"Contact 66 does not exist"}""", Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Client.SendAsync(request);

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        (await GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AdminChange_WithTheToken_IsApplied_AndHealthNeedsNoToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__admin/provider-states")
        {
            Content = new StringContent("""{"action":"setup","state":"Contact 66 does not exist"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminTokenFixture.Token);

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/v1/Contact/66")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync("/__admin/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/__admin/requests")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
