using System.Net;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class PutTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Relation = "/api/v1/Relation/819";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("null")]
    public async Task Put_NoBodyEmptyBodyOrNull_Returns400EntityNotInRequestBody(string? body)
    {
        var before = await GetTextAsync(Relation);

        using var response = await PutAsync(Relation, body);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Be("Entity to save is not in request body.");
        (await GetTextAsync(Relation)).Should().Be(before);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"Comment\":")]
    public async Task Put_BodyOfTheWrongShapeOrMalformed_Returns400(string body)
    {
        using var response = await PutAsync(Relation, body);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Put_ValidEntity_ReplacesTheStoredOneAndResetsMissingProperties()
    {
        using var response = await PutAsync(Relation, """{"RelationId":819,"Comment":"replaced","SourceContactId":5}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await GetEntityAsync(Relation);
        stored["Comment"]!.GetValue<string>().Should().Be("replaced");
        stored["SourceContactId"]!.GetValue<int>().Should().Be(5);
        stored["DestinationContactId"]!.GetValue<int>().Should().Be(0);
        stored["ActiveText"].Should().BeNull();
        stored["CreatedDate"]!.GetValue<string>().Should().Be("0001-01-01T00:00:00");
    }

    [Fact]
    public async Task Put_IdInTheUrlWinsOverTheBody()
    {
        using var response = await PutAsync(Relation, """{"RelationId":5,"Comment":"mine"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ObjectAsync(response))["RelationId"]!.GetValue<int>().Should().Be(819);
        (await GetEntityAsync(Relation))["Comment"]!.GetValue<string>().Should().Be("mine");
        (await GetEntityAsync("/api/v1/Relation/5"))["Comment"]!.GetValue<string>().Should().NotBe("mine");
    }

    [Fact]
    [Trait("Clock", "Manual")] // expects the fixture's manual clock: in-process only
    public async Task Put_ServerSetsUpdatedDateAndUpdatedBy()
    {
        using var response = await PutAsync(Relation, """{"Comment":"x","UpdatedDate":"2001-01-01T00:00:00","UpdatedBy":null}""");

        var answered = await Json.ObjectAsync(response);
        answered["UpdatedDate"]!.GetValue<string>().Should().Be("2026-11-22T10:00:00");
        answered["UpdatedBy"]!["AssociateId"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Put_UnknownId_Returns404()
    {
        using var response = await PutAsync("/api/v1/Relation/2000000000", """{"Comment":"x"}""");

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound);
        response.ReasonPhrase.Should().Be("Relation Not Found");
    }

    [Fact]
    public async Task Put_UnknownProperty_Returns400NamingIt()
    {
        using var response = await PutAsync(Relation, """{"Comment":"x","Colour":"red"}""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("ContactRelationEntity has no property 'Colour'");
    }

    [Fact]
    public async Task Put_WrongType_Returns400NamingThePathAndChangesNothing()
    {
        var before = await GetTextAsync(Relation);

        using var response = await PutAsync(Relation, """{"SourceContactId":"five"}""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("/SourceContactId");
        (await GetTextAsync(Relation)).Should().Be(before);
    }

    [Fact]
    public async Task Put_OnARouteWithoutPut_Returns405WithAllow()
    {
        using var response = await PutAsync("/api/v1/Contact/66", """{"Name":"x"}""");

        await response.ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "PATCH");
    }
}
