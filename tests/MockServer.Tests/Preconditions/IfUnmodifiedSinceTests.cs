using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Preconditions;

/// <summary>Contact 66 was last updated 2013-02-21T15:29:29.5607019+01:00, that is 14:29:29 UTC (plus a fraction).</summary>
[Hosts(MockHosts.Kestrel | MockHosts.Memory, Because = "moves the in-process clock")]
public sealed class IfUnmodifiedSinceTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";
    private const string Patch = """[{"op":"replace","path":"/Department","value":"foo"}]""";

    [Theory]
    [InlineData("Thu, 21 Feb 2013 14:29:28 GMT")]
    [InlineData("Thursday, 21-Feb-13 14:29:28 GMT")]
    [InlineData("Thu Feb 21 14:29:28 2013")]
    [InlineData("Mon, 01 Jan 2001 00:00:00 GMT")]
    public async Task Patch_IfUnmodifiedSinceEarlierThanTheStamp_Returns412AndChangesNothing(string since)
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, Patch, headers: ("If-Unmodified-Since", since));

        await response.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Theory]
    [InlineData("Thu, 21 Feb 2013 14:29:29 GMT")]
    [InlineData("Thursday, 21-Feb-13 14:29:29 GMT")]
    [InlineData("Thu Feb 21 14:29:29 2013")]
    [InlineData("Sun, 22 Nov 2026 10:00:00 GMT")]
    public async Task Patch_IfUnmodifiedSinceNotEarlierAtOneSecondResolution_Returns200(string since)
    {
        using var response = await PatchAsync(Contact, Patch, headers: ("If-Unmodified-Since", since));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("2001-01-01T00:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("Fri, 21 Feb 2013 14:29:28 GMT")]
    public async Task Patch_IfUnmodifiedSinceNotAnHttpDate_IsIgnored(string since)
    {
        using var response = await PatchAsync(Contact, Patch, headers: ("If-Unmodified-Since", since));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_AfterAnUpdate_OlderIfUnmodifiedSinceReturns412()
    {
        Clock.AdjustTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        (await PatchAsync(Contact, Patch)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var stale = await PatchAsync(Contact, Patch, headers: ("If-Unmodified-Since", "Sun, 22 Nov 2026 09:59:59 GMT"));
        using var fresh = await PatchAsync(Contact, Patch, headers: ("If-Unmodified-Since", "Sun, 22 Nov 2026 10:00:00 GMT"));

        await stale.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
        fresh.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_Ticket_ComparesWithLastChanged()
    {
        var ticket = await GetEntityAsync("/api/v1/Ticket/900");
        var lastChanged = DateTimeOffset.Parse(ticket["LastChanged"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var before = lastChanged.AddSeconds(-1).UtcDateTime.ToString("r", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await PatchAsync("/api/v1/Ticket/900", """[{"op":"replace","path":"/Title","value":"x"}]""", headers: ("If-Unmodified-Since", before));

        await response.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Put_IfUnmodifiedSinceEarlierThanTheStamp_Returns412AndChangesNothing()
    {
        var before = await GetTextAsync("/api/v1/Relation/819");

        using var response = await PutAsync("/api/v1/Relation/819", """{"Comment":"x"}""", headers: ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"));

        await response.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
        (await GetTextAsync("/api/v1/Relation/819")).Should().Be(before);
    }
}

[Hosts(MockHosts.Kestrel | MockHosts.Memory, Because = "moves the in-process clock")]
public sealed class IgnorePreconditionsTests(IgnorePreconditionsFixture fixture) : MockServerTestBase<IgnorePreconditionsFixture>(fixture)
{
    [Fact]
    public async Task IgnorePreconditions_TestingAid_AcceptsAStaleUpdate()
    {
        using var response = await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Department","value":"foo"}]""",
            headers: ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
