using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class MergePatchHttpTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/json")]
    public async Task Patch_ObjectBody_IsAMergePatch(string contentType)
    {
        using var response = await PatchAsync(Contact, """{"Department":"foo"}""", contentType);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync(Contact))["Department"]!.GetValue<string>().Should().Be("foo");
    }

    [Fact]
    public async Task MergePatch_MemberNamesAreCaseInsensitive()
    {
        using var response = await PatchAsync(Contact, """{"department":"foo"}""", "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await GetEntityAsync(Contact);
        stored["Department"]!.GetValue<string>().Should().Be("foo");
        stored.ContainsKey("department").Should().BeFalse();
    }

    [Fact]
    public async Task MergePatch_Null_ClearsNullableAndResetsValueTypes()
    {
        using var response = await PatchAsync(Contact, """{"Description":null,"GroupId":null}""", "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await GetEntityAsync(Contact);
        stored["Description"].Should().BeNull();
        stored["GroupId"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task MergePatch_NestedObject_MergesRecursively()
    {
        using var response = await PatchAsync(Contact, """{"CustomFields":{"CustomFields1":"changed","SuperOffice:9":"added"}}""", "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var fields = (await GetEntityAsync(Contact))["CustomFields"]!.AsObject();
        fields["CustomFields1"]!.GetValue<string>().Should().Be("changed");
        fields["CustomFields2"]!.GetValue<string>().Should().Be("perspiciatis");
        fields["SuperOffice:9"]!.GetValue<string>().Should().Be("added");
    }

    [Fact]
    public async Task MergePatch_NestedNull_RemovesTheMember()
    {
        using var response = await PatchAsync(Contact, """{"CustomFields":{"CustomFields1":null}}""", "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var fields = (await GetEntityAsync(Contact))["CustomFields"]!.AsObject();
        fields.ContainsKey("CustomFields1").Should().BeFalse();
        fields.ContainsKey("CustomFields2").Should().BeTrue();
    }

    [Fact]
    public async Task MergePatch_Array_ReplacesTheWholeList()
    {
        using var response = await PatchAsync(Contact, """{"Domains":["only.example"]}""", "application/merge-patch+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var domains = (await GetEntityAsync(Contact))["Domains"]!.AsArray();
        domains.Select(d => d!.GetValue<string>()).Should().Equal("only.example");
    }

    [Fact]
    public async Task MergePatch_UnknownProperty_Returns400NamingIt()
    {
        using var response = await PatchAsync(Contact, """{"Nickname":"Bob"}""", "application/merge-patch+json");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("ContactEntity has no property 'Nickname'");
    }

    [Fact]
    public async Task MergePatch_WrongType_Returns400NamingThePathAndChangesNothing()
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, """{"Name":"ok","ContactId":"x"}""", "application/merge-patch+json");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("/ContactId");
        (await GetTextAsync(Contact)).Should().Be(before);
    }
}
