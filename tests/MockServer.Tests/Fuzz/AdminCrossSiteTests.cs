using System.Net;
using System.Text;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Fuzz;

/// <summary>
/// A page on another site can make a browser send "simple" requests (form or text/plain POSTs, no preflight) to
/// the mock on loopback. /__admin must refuse them, or any web page could reset the mock's data or set provider
/// states.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class AdminCrossSiteTests(FuzzMockFixture fixture) : IClassFixture<FuzzMockFixture>
{
    private const string Entity = "/api/v1/Contact/5";

    public static TheoryData<string, string, string> SimpleRequests => new()
    {
        { "/__admin/reset", "text/plain", string.Empty },
        { "/__admin/reset", "application/x-www-form-urlencoded", "a=b" },
        { "/__admin/provider-states", "text/plain", """{"state":"Contact 5 does not exist","action":"setup"}""" },
        { "/__admin/provider-states", "multipart/form-data; boundary=x", "--x--" },
    };

    [Theory]
    [MemberData(nameof(SimpleRequests))]
    public async Task CrossSiteSimpleRequest_ToAdmin_IsRefusedAndChangesNothing(string path, string contentType, string body)
    {
        using var update = new StringContent($$"""[{"op":"replace","path":"/Name","value":"before {{Guid.NewGuid():N}}"}]""", Encoding.UTF8);
        update.Headers.ContentType = new("application/json-patch+json");
        (await fixture.Client.PatchAsync(Entity, update)).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = await fixture.Client.GetStringAsync(Entity);

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await fixture.Client.SendAsync(request);

        ((int)response.StatusCode).Should().BeInRange(400, 499, "/__admin must refuse a cross-site simple request");
        await response.ShouldBeErrorAsync(response.StatusCode);
        (await fixture.Client.GetStringAsync(Entity)).Should().Be(before);
    }

    [Fact]
    public async Task SameOriginAdminRequest_StillWorks()
    {
        using var response = await fixture.Client.PostAsync("/__admin/reset", AdminRequests.JsonBody);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
