using System.Net;
using System.Text;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

/// <summary>Entity answers carry a strong ETag per stored version and must be revalidated; a replaced version is never "not modified".</summary>
[Hosts(MockHosts.Kestrel | MockHosts.Memory, Because = "moves the in-process clock")]
public sealed class CachingTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";

    [Fact]
    public async Task Get_CarriesAStrongETagAndNoCache_ThatTheUpdateAnswerChanges()
    {
        using var first = await GetAsync(Contact);
        var etag = first.Headers.ETag!;
        using var patched = await PatchAsync(Contact, """{"Name":"patched"}""", "application/merge-patch+json");
        using var second = await GetAsync(Contact);

        etag.IsWeak.Should().BeFalse();
        first.Headers.CacheControl!.NoCache.Should().BeTrue();
        patched.Headers.ETag.Should().NotBeNull().And.NotBe(etag);
        patched.Headers.CacheControl!.NoCache.Should().BeTrue();
        second.Headers.ETag.Should().Be(patched.Headers.ETag);
        (await GetAsync(Contact + "?$select=Name")).Headers.ETag.Should().Be(patched.Headers.ETag);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"other\", {0}")]
    [InlineData("\"other\",W/{0} ")]
    [InlineData("*")]
    public async Task Get_IfNoneMatchListingTheCurrentVersion_Is304WithItsValidators(string format)
    {
        var etag = (await GetAsync(Contact)).Headers.ETag!.Tag;

        using var response = await GetAsync(Contact, ("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, etag)));

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag!.Tag.Should().Be(etag);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task Get_IfNoneMatchWithAnOldVersion_Is200EvenWhenIfModifiedSinceWouldSay304()
    {
        using var seed = await GetAsync(Contact);
        (await PatchAsync(Contact, """{"Name":"patched"}""", "application/merge-patch+json")).EnsureSuccessStatusCode();

        using var response = await GetAsync(Contact,
            ("If-None-Match", seed.Headers.ETag!.Tag), ("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_GivesEveryEntityANewETag_SoNoCopyFromBeforeIsNotModified()
    {
        using var seed = await GetAsync(Contact);
        using var patched = await PatchAsync(Contact, """{"Name":"patched"}""", "application/merge-patch+json");
        Clock.Advance(TimeSpan.FromSeconds(5));
        using (var reset = await Client.PostAsync("/__admin/reset", AdminRequests.JsonBody))
        {
            reset.EnsureSuccessStatusCode();
        }

        using var byTag = await GetAsync(Contact, ("If-None-Match", $"{seed.Headers.ETag!.Tag}, {patched.Headers.ETag!.Tag}"));
        using var byDate = await GetAsync(Contact, ("If-Modified-Since", patched.Content.Headers.LastModified!.Value.ToString("R")));

        byTag.StatusCode.Should().Be(HttpStatusCode.OK);
        byTag.Headers.ETag.Should().NotBe(seed.Headers.ETag);
        byDate.StatusCode.Should().Be(HttpStatusCode.OK, "the version the client holds was replaced by the older seed version");
        (await Json.ObjectAsync(byDate))["Name"]!.GetValue<string>().Should().NotBe("patched");
    }

    [Fact]
    public async Task ProviderStateSetup_GivesTheEntityANewETag()
    {
        var before = (await GetAsync(Contact)).Headers.ETag;

        using (var setup = await Client.PostAsync("/__admin/provider-states",
            new StringContent("""{"action":"setup","state":"Contact 66 exists"}""", Encoding.UTF8, "application/json")))
        {
            setup.EnsureSuccessStatusCode();
        }

        using var response = await GetAsync(Contact, ("If-None-Match", before!.Tag));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().NotBe(before);
    }

    [Fact]
    public async Task Get_IfModifiedSinceTheCurrentVersion_Is304_AndCorsExposesTheETag()
    {
        Clock.Advance(TimeSpan.FromSeconds(5));
        (await PatchAsync(Contact, """{"Name":"patched"}""", "application/merge-patch+json")).EnsureSuccessStatusCode();
        using var current = await GetAsync(Contact, ("Origin", "http://localhost:3000"));

        using var response = await GetAsync(Contact, ("If-Modified-Since", current.Content.Headers.LastModified!.Value.ToString("R")));

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        current.Headers.GetValues("Access-Control-Expose-Headers").Single().Should().Contain("ETag");
    }

    [Fact]
    public async Task Update_IfMatchWithAnOldOrWeakTag_Is412AndChangesNothing_WithTheCurrentTagOrAStar_IsApplied()
    {
        var seed = (await GetAsync(Contact)).Headers.ETag!.Tag;
        using var first = await PatchAsync(Contact, """{"Name":"first"}""", "application/merge-patch+json", ("If-Match", seed));
        var current = first.Headers.ETag!.Tag;

        using var stale = await PatchAsync(Contact, """{"Name":"stale"}""", "application/merge-patch+json", ("If-Match", seed));
        using var weak = await PatchAsync(Contact, """{"Name":"weak"}""", "application/merge-patch+json", ("If-Match", "W/" + current));
        var afterRefusals = await GetTextAsync(Contact);
        using var star = await PatchAsync(Contact, """{"Name":"star"}""", "application/merge-patch+json", ("If-Match", "*"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await stale.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
        await weak.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
        afterRefusals.Should().Contain("\"first\"");
        star.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
