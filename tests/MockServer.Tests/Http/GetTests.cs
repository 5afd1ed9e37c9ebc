using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class GetTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Fact]
    public async Task Get_ExistingEntity_Returns200WithTheEntityAsJson()
    {
        using var response = await GetAsync("/api/v1/Contact/66");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var contact = await Json.ObjectAsync(response);
        contact["ContactId"]!.GetValue<int>().Should().Be(66);
        contact["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
    }

    [Fact]
    public async Task Get_UnknownId_Returns404WithErrorBodyAndReasonNamingTheResource()
    {
        using var response = await GetAsync("/api/v1/Contact/99999");

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.NotFound);
        message.Should().Contain("99999");
        response.ReasonPhrase.Should().Be("Contact Not Found");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task Get_NonNumericOrOutOfRangeId_Returns400(string id)
    {
        using var response = await GetAsync($"/api/v1/Contact/{id}");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(id);
    }

    [Fact]
    public async Task Get_PathInAnotherCase_FindsTheRoute()
    {
        using var response = await GetAsync("/API/V1/contact/66");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404WithErrorBody()
    {
        using var response = await GetAsync("/api/v1/Nothing/1");

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Links_AreAbsoluteUrlsOfTheHostTheClientCalled()
    {
        var contact = await GetEntityAsync("/api/v1/Contact/66");

        var links = contact["_Links"]!.AsObject();
        links["Self"]!.GetValue<string>().Should().Be($"{Fixture.Url}/api/v1/Contact/66");
        links["Archive"]!.GetValue<string>().Should().Be($"{Fixture.Url}/api/v1/Contact");
    }

    [Fact]
    public async Task Get_LinksFollowTheHostHeader_ForEachHostTheClientUses()
    {
        var port = Fixture.Port;

        var viaLocalhost = await Json.ObjectAsync(await GetAsync("/api/v1/Ticket/900", ("Host", $"localhost:{port}")));
        var viaLoopback = await GetEntityAsync("/api/v1/Ticket/900");

        viaLocalhost["_Links"]!["Self"]!.GetValue<string>().Should().Be($"http://localhost:{port}/api/v1/Ticket/900");
        viaLoopback["_Links"]!["Self"]!.GetValue<string>().Should().Be($"{Fixture.Url}/api/v1/Ticket/900");
    }

    [Fact]
    [Trait("Clock", "Manual")] // expects the fixture's manual clock: in-process only
    public async Task Get_IfModifiedSinceNotOlderThanTheEntityNorItsStoring_Returns304()
    {
        // Contact 66 was last updated 2013-02-21T15:29:29.56+01:00, i.e. 14:29:29 UTC; the reset stored it at 10:00:00 on 2026-11-22.
        using var same = await GetAsync("/api/v1/Contact/66", ("If-Modified-Since", "Sun, 22 Nov 2026 10:00:00 GMT"));
        using var later = await GetAsync("/api/v1/Contact/66", ("If-Modified-Since", "Mon, 23 Nov 2026 00:00:00 GMT"));

        same.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await same.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        later.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Get_IfModifiedSinceTheStampButBeforeTheVersionWasStored_Returns200()
    {
        // The seed's stamp (2013) is older than the reset that stored it: a copy dated in between may be of a version the reset replaced.
        using var response = await GetAsync("/api/v1/Contact/66", ("If-Modified-Since", "Thu, 21 Feb 2013 14:29:29 GMT"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_IfModifiedSinceOlderThanTheEntity_Returns200()
    {
        using var response = await GetAsync("/api/v1/Contact/66", ("If-Modified-Since", "Thu, 21 Feb 2013 14:29:28 GMT"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_IfModifiedSinceNotAnHttpDate_IsIgnored()
    {
        using var response = await GetAsync("/api/v1/Contact/66", ("If-Modified-Since", "yesterday"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_LastModifiedHeader_CarriesTheLastUpdateStamp()
    {
        using var response = await GetAsync("/api/v1/Contact/66");

        response.Content.Headers.LastModified.Should().Be(new DateTimeOffset(2013, 2, 21, 14, 29, 29, TimeSpan.Zero));
    }
}
