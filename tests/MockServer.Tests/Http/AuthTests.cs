using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class AuthOptionalTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Fact]
    public async Task ByDefault_RequestWithoutCredentials_IsAccepted()
    {
        using var response = await GetAsync("/api/v1/Contact/66");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Hosts(MockHosts.All)]
public sealed class AuthRequiredTests(AuthRequiredFixture fixture) : MockServerTestBase<AuthRequiredFixture>(fixture)
{
    [Fact]
    public async Task RequireAuth_RequestWithoutCredentials_Returns401WithTheRealm()
    {
        using var response = await GetAsync("/api/v1/Contact/66");

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Basic realm=\"SuperOffice Username or Ticket\"");
    }

    [Fact]
    public async Task RequireAuth_PatchWithoutCredentials_Returns401AndChangesNothing()
    {
        using var response = await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"x"}]""");

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized);
        using var check = await GetAsync("/api/v1/Contact/66", ("Authorization", "Basic dGplMDpUamUw"));
        (await Json.ObjectAsync(check))["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
    }

    [Theory]
    [InlineData("Authorization", "Basic dGplMDpUamUw")]
    [InlineData("Authorization", "SoTicket 7T:abc")]
    [InlineData("Authorization", "Bearer eyJhbGciOi")]
    [InlineData("Authorization", "bearer eyJhbGciOi")]
    [InlineData("X-XSRF-TOKEN", "token-from-cookie")]
    public async Task RequireAuth_AnyDocumentedCredential_IsAccepted(string header, string value)
    {
        using var response = await GetAsync("/api/v1/Contact/66", (header, value));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Digest abc")]
    [InlineData("Basic")]
    public async Task RequireAuth_UnknownSchemeOrNoCredentials_Returns401(string value)
    {
        using var response = await GetAsync("/api/v1/Contact/66", ("Authorization", value));

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RequireAuth_AdminApi_NeedsNoCredentials()
    {
        using var response = await GetAsync("/__admin/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
