using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Projection;

[Hosts(MockHosts.All)]
public sealed class SelectTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Patch = """[{"op":"replace","path":"/Department","value":"foo"}]""";

    [Fact]
    public async Task Select_OnPatch_KeepsSelectedFieldsAndResetsTheOthers()
    {
        using var response = await PatchAsync("/api/v1/Contact/66?$select=name,department", Patch);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answered = await Json.ObjectAsync(response);
        answered["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
        answered["Department"]!.GetValue<string>().Should().Be("foo");
        answered["OrgNr"].Should().BeNull();
        answered["Emails"].Should().BeNull();
        answered["GroupId"]!.GetValue<int>().Should().Be(0);
        answered["ContactId"]!.GetValue<int>().Should().Be(66);
        answered["_Links"]!["Self"].Should().NotBeNull();
    }

    [Fact]
    public async Task Select_DoesNotChangeWhatIsStored()
    {
        (await PatchAsync("/api/v1/Contact/66?$select=name", Patch)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetAsync("/api/v1/Contact/66?$select=name")).StatusCode.Should().Be(HttpStatusCode.OK);

        var stored = await GetEntityAsync("/api/v1/Contact/66");
        stored["OrgNr"]!.GetValue<string>().Should().Be("1638194");
        stored["Department"]!.GetValue<string>().Should().Be("foo");
    }

    [Fact]
    public async Task Select_IsCaseInsensitive()
    {
        var answered = await GetEntityAsync("/api/v1/Contact/66?$select=NAME,orgnr");

        answered["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
        answered["OrgNr"]!.GetValue<string>().Should().Be("1638194");
        answered["Department"].Should().BeNull();
    }

    [Fact]
    public async Task Select_NestedPath_KeepsOnlyThatMemberOfTheCarrier()
    {
        var full = await GetEntityAsync("/api/v1/Contact/1");
        var answered = await GetEntityAsync("/api/v1/Contact/1?$select=name,department,category/id");

        var category = answered["Category"]!.AsObject();
        category.Select(p => p.Key).Should().Equal("Id");
        category["Id"]!.GetValue<int>().Should().Be(full["Category"]!["Id"]!.GetValue<int>());
        answered["Business"].Should().BeNull();
    }

    [Fact]
    public async Task Select_NestedPathThroughAList_AppliesToEveryItem()
    {
        var answered = await GetEntityAsync("/api/v1/Contact/66?$select=emails/value");

        var emails = answered["Emails"]!.AsArray();
        emails.Should().HaveCount(2);
        emails.Should().OnlyContain(e => e!.AsObject().Count == 1 && e["Value"]!.GetValue<string>() == "velit");
    }

    [Theory]
    [InlineData("nickname")]
    [InlineData("name,colour")]
    [InlineData("emails/colour")]
    [InlineData("name/first")]
    public async Task Select_UnknownField_Returns400NamingIt(string select)
    {
        using var response = await GetAsync($"/api/v1/Contact/66?$select={select}");

        var unknown = select.Split(',', '/')[^1];
        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(unknown);
    }

    [Fact]
    public async Task Select_UnknownFieldOnPatch_Returns400AndChangesNothing()
    {
        var before = await GetTextAsync("/api/v1/Contact/66");

        using var response = await PatchAsync("/api/v1/Contact/66?$select=nickname", Patch);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        (await GetTextAsync("/api/v1/Contact/66")).Should().Be(before);
    }

    [Fact]
    public async Task Select_OnPut_ProjectsTheAnswer()
    {
        var answered = await Json.ObjectAsync(await PutAsync("/api/v1/Relation/819?$select=comment", """{"Comment":"c","SourceContactId":3}"""));

        answered["Comment"]!.GetValue<string>().Should().Be("c");
        answered["SourceContactId"]!.GetValue<int>().Should().Be(0);
        (await GetEntityAsync("/api/v1/Relation/819"))["SourceContactId"]!.GetValue<int>().Should().Be(3);
    }
}
