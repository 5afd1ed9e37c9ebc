using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary><c>Prefer: code=</c> and <c>delay=</c> on catalog requests: the documented answer, and nothing changed.</summary>
[Hosts(MockHosts.All)]
public sealed class PreferTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";
    private const string Rename = """[{"op":"replace","path":"/Name","value":"Forced"}]""";

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(503)]
    public async Task PatchWithPreferredErrorCode_AnswersItWithTheErrorBody_AndChangesNothing(int code)
    {
        using var before = await GetAsync(Contact);
        var stored = await before.Content.ReadAsStringAsync();

        using var response = await PatchAsync(Contact, Rename, headers: ("Prefer", $"code={code}"));

        var message = await response.ShouldBeErrorAsync((HttpStatusCode)code);
        message.Should().Contain($"code={code}");
        (await Json.ObjectAsync(response))["ErrorType"]!.GetValue<string>().Should().Be("Fault");
        using var after = await GetAsync(Contact);
        (await after.Content.ReadAsStringAsync()).Should().Be(stored);
        after.Headers.ETag.Should().Be(before.Headers.ETag, "the store's version is the same");
    }

    [Fact]
    public async Task PatchWithPreferredCode200_AnswersTheCurrentEntityWithSelect_AndChangesNothing()
    {
        using var before = await GetAsync(Contact);
        var stored = await Json.ObjectAsync(before);

        using var response = await PatchAsync(Contact + "?$select=Name,Department", Rename, headers: ("Prefer", "code=200"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag.Should().Be(before.Headers.ETag);
        var body = await Json.ObjectAsync(response);
        body["Name"]!.GetValue<string>().Should().Be(stored["Name"]!.GetValue<string>()).And.NotBe("Forced");
        body["Department"]!.GetValue<string>().Should().Be(stored["Department"]!.GetValue<string>());
        body["OrgNr"].Should().BeNull("$select resets the properties it does not name");
        stored["OrgNr"].Should().NotBeNull();
        using var after = await GetAsync(Contact);
        after.Headers.ETag.Should().Be(before.Headers.ETag);
        (await Json.ObjectAsync(after))["Name"]!.GetValue<string>().Should().NotBe("Forced");
    }

    [Fact]
    public async Task GetWithPreferredCode304_IsABare304WithTheCurrentETag()
    {
        using var before = await GetAsync(Contact);

        using var response = await GetAsync(Contact, ("Prefer", "code=304"));

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag.Should().Be(before.Headers.ETag);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PutWithPreferredCode_UsesThePutOperationsList()
    {
        var relation = await GetTextAsync("/api/v1/Relation/819");

        using var response = await PutAsync("/api/v1/Relation/819", relation, headers: ("Prefer", "code=412"));

        await response.ShouldBeErrorAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task UndocumentedCode_Is400ListingTheDocumentedOnes_AndChangesNothing()
    {
        var stored = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, Rename, headers: ("Prefer", "code=418"));

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        message.Should().Contain("code=418").And.Contain("PATCH Contact/{id}").And.Contain("200, 400, 401, 404, 409, 412, 413, 415, 503");
        (await GetTextAsync(Contact)).Should().Be(stored);
    }

    [Fact]
    public async Task GetWithACodeOnlyUpdatesDocument_Is400()
    {
        using var response = await GetAsync(Contact, ("Prefer", "code=409"));

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("200, 304, 400, 401, 404, 503");
    }

    [Theory]
    [InlineData("code=abc")]
    [InlineData("code=99")]
    [InlineData("delay=-5")]
    [InlineData("delay=60001")]
    [InlineData("code=200; delay=lots")]
    public async Task MalformedPreference_Is400NamingIt_AndChangesNothing(string prefer)
    {
        var stored = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, Rename, headers: ("Prefer", prefer));

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("Prefer:");
        (await GetTextAsync(Contact)).Should().Be(stored);
    }

    [Fact]
    public async Task OtherPreferences_AreIgnored_AndTheUpdateHappens()
    {
        using var response = await PatchAsync(Contact, Rename, headers: ("Prefer", "return=representation, respond-async"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync(Contact))["Name"]!.GetValue<string>().Should().Be("Forced");
    }

    [Fact]
    public async Task CodeWithSemicolonAndDelayZero_AreBothRead()
    {
        using var response = await GetAsync(Contact, ("Prefer", "delay=0; code=503"));

        await response.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task ForcedCode_DoesNotSkipTheRequestsOwnChecks()
    {
        using var badId = await GetAsync("/api/v1/Contact/abc", ("Prefer", "code=200"));
        using var missing = await GetAsync("/api/v1/Contact/99999", ("Prefer", "code=200"));

        await badId.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        await missing.ShouldBeErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Prefer_MayBeSentByALoopbackPage()
    {
        using var preflight = await SendAsync(HttpMethod.Options, Contact, null, null,
            ("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "PATCH"), ("Access-Control-Request-Headers", "prefer, content-type"));

        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("prefer");
    }

    [Fact]
    public async Task Prefer_DoesNotApplyToTheAdminApi()
    {
        using var response = await GetAsync("/__admin/health", ("Prefer", "code=503"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
