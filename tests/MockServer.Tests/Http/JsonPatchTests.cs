using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class JsonPatchTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";

    [Theory]
    [InlineData("/Department")]
    [InlineData("/department")]
    [InlineData("Department")]
    [InlineData("department")]
    [InlineData("DEPARTMENT")]
    public async Task Patch_PathIsCaseInsensitiveWithOptionalLeadingSlash_ReplacesTheProperty(string path)
    {
        using var response = await PatchAsync(Contact, $$"""[{"op":"replace","path":"{{path}}","value":"foo"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ObjectAsync(response))["Department"]!.GetValue<string>().Should().Be("foo");
        (await GetEntityAsync(Contact))["Department"]!.GetValue<string>().Should().Be("foo");
    }

    [Fact]
    public async Task Patch_LeavesEveryOtherPropertyExactlyAsItWas()
    {
        var before = await GetEntityAsync(Contact);

        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/Department","value":"foo"}]""");

        var after = await Json.ObjectAsync(response);
        after.Select(p => p.Key).Should().Equal(before.Select(p => p.Key));
        foreach (var (name, value) in before)
        {
            if (name is not ("Department" or "UpdatedDate" or "UpdatedBy"))
            {
                JsonNode.DeepEquals(after[name], value).Should().BeTrue($"{name} was not patched");
            }
        }
    }

    [Fact]
    public async Task Patch_Add_SetsTheProperty()
    {
        using var response = await PatchAsync(Contact, """[{"op":"add","path":"/Description","value":"new note"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync(Contact))["Description"]!.GetValue<string>().Should().Be("new note");
    }

    [Fact]
    public async Task Patch_RemoveNullableProperty_ResetsItToNull()
    {
        using var response = await PatchAsync(Contact, """[{"op":"remove","path":"/Description"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await GetEntityAsync(Contact);
        stored.ContainsKey("Description").Should().BeTrue();
        stored["Description"].Should().BeNull();
    }

    [Fact]
    public async Task Patch_RemoveValueTypeProperties_ResetsThemToTheirDefaults()
    {
        using var response = await PatchAsync(Contact, """
            [{"op":"remove","path":"/GroupId"},{"op":"remove","path":"/Xstop"},{"op":"remove","path":"/DbiLastModified"}]
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await GetEntityAsync(Contact);
        stored["GroupId"]!.GetValue<int>().Should().Be(0);
        stored["Xstop"]!.GetValue<bool>().Should().BeFalse();
        stored["DbiLastModified"]!.GetValue<string>().Should().Be("0001-01-01T00:00:00");
    }

    [Fact]
    public async Task Patch_NestedArrayElementPath_ChangesOnlyThatValue()
    {
        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/Emails/0/Value","value":"a@example.com"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var emails = (await GetEntityAsync(Contact))["Emails"]!.AsArray();
        emails[0]!["Value"]!.GetValue<string>().Should().Be("a@example.com");
        emails[1]!["Value"]!.GetValue<string>().Should().Be("velit");
    }

    [Fact]
    public async Task Patch_AddToEndOfArray_AppendsTheElement()
    {
        using var response = await PatchAsync(Contact, """[{"op":"add","path":"/Emails/-","value":{"Value":"new@example.com"}}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var emails = (await GetEntityAsync(Contact))["Emails"]!.AsArray();
        emails.Should().HaveCount(3);
        emails[2]!["Value"]!.GetValue<string>().Should().Be("new@example.com");
    }

    [Fact]
    public async Task Patch_MapKeyWithColon_AddsTheCustomField()
    {
        using var response = await PatchAsync(Contact, """[{"op":"add","path":"CustomFields/SuperOffice:1","value":"42"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync(Contact))["CustomFields"]!["SuperOffice:1"]!.GetValue<string>().Should().Be("42");
    }

    [Fact]
    public async Task Patch_NestedCarrierPath_ReplacesTheNestedValue()
    {
        using var response = await PatchAsync("/api/v1/Contact/1", """[{"op":"replace","path":"/Category/Id","value":7}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync("/api/v1/Contact/1"))["Category"]!["Id"]!.GetValue<int>().Should().Be(7);
    }

    [Theory]
    [InlineData("move")]
    [InlineData("copy")]
    public async Task Patch_MoveOrCopy_Returns400AndChangesNothing(string op)
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, $$"""[{"op":"{{op}}","from":"/Name","path":"/Department"}]""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(op);
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_OperationsApplyInOrder_TestSeesTheEarlierReplace()
    {
        using var response = await PatchAsync(Contact, """
            [{"op":"replace","path":"/Department","value":"first"},
             {"op":"test","path":"/Department","value":"first"},
             {"op":"replace","path":"/Department","value":"second"}]
            """);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync(Contact))["Department"]!.GetValue<string>().Should().Be("second");
    }

    [Fact]
    public async Task Patch_FailingTestOp_Returns409AndChangesNothing()
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, """
            [{"op":"replace","path":"/Department","value":"changed"},{"op":"test","path":"/Name","value":"Someone Else"}]
            """);

        (await response.ShouldBeErrorAsync(HttpStatusCode.Conflict)).Should().Contain("Someone Else");
        response.ReasonPhrase.Should().Contain("Conflict");
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_LaterOperationFails_IsAtomicAndChangesNothing()
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, """
            [{"op":"replace","path":"/Department","value":"changed"},{"op":"replace","path":"/Emails/9/Value","value":"x"}]
            """);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_UnknownTopLevelProperty_Returns400NamingItAndChangesNothing()
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, """[{"op":"add","path":"/Nickname","value":"Bob"}]""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("ContactEntity has no property 'Nickname'");
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_ReplaceOfUnknownProperty_Returns400NamingIt()
    {
        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/Nickname","value":"Bob"}]""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("ContactEntity has no property 'Nickname'");
    }

    [Theory]
    [InlineData("/Department", "{\"a\":1}")]
    [InlineData("/NoMailing", "\"yes\"")]
    [InlineData("/GroupId", "1.5")]
    [InlineData("/DbiLastModified", "\"not a date\"")]
    [InlineData("/Emails", "\"a@example.com\"")]
    public async Task Patch_ValueOfTheWrongType_Returns400NamingThePathAndChangesNothing(string path, string value)
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, $$"""[{"op":"replace","path":"{{path}}","value":{{value}}}]""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(path);
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_StringIntoThePrimaryKey_Returns400NamingThePath()
    {
        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/ContactId","value":"x"}]""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("/ContactId");
    }

    [Fact]
    public async Task Patch_ChangeOfThePrimaryKey_Returns400AndChangesNothing()
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/ContactId","value":67}]""");

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain("ContactId");
        (await GetTextAsync(Contact)).Should().Be(before);
        (await GetEntityAsync("/api/v1/Contact/67"))["ContactId"]!.GetValue<int>().Should().Be(67);
    }

    [Theory]
    [InlineData("""[{"op":"frobnicate","path":"/Name","value":"x"}]""", "frobnicate")]
    [InlineData("""[{"op":"replace","path":"/Name"}]""", "value")]
    [InlineData("""[{"path":"/Name","value":"x"}]""", "op")]
    [InlineData("""[{"op":"replace","value":"x"}]""", "path")]
    [InlineData("""["replace"]""", "object")]
    public async Task Patch_MalformedOperation_Returns400NamingTheProblem(string body, string named)
    {
        using var response = await PatchAsync(Contact, body);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(named);
    }

    [Theory]
    [InlineData("[{\"op\":")]
    [InlineData("not json")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("""{"Name":"a","Name":"b"}""")]
    [InlineData("""[{"op":"replace","path":"","value":[1]}]""")]
    public async Task Patch_MalformedJsonOrWrongShape_Returns400(string body)
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, body, "application/json");

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_NestingDeeperThanTheParserAllows_Returns400()
    {
        using var response = await PatchAsync(Contact, new string('[', 300) + new string(']', 300));

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_BodyWithUtf8ByteOrderMark_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, Contact)
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""[{"op":"replace","path":"/Name","value":"bom"}]""")]),
        };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_UnknownId_Returns404()
    {
        using var response = await PatchAsync("/api/v1/Contact/2000000000", """[{"op":"replace","path":"/Name","value":"x"}]""");

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound);
        response.ReasonPhrase.Should().Be("Contact Not Found");
    }

    [Fact]
    public async Task Patch_NonNumericId_Returns400()
    {
        using var response = await PatchAsync("/api/v1/Contact/sixty-six", """[{"op":"replace","path":"/Name","value":"x"}]""");

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    [Trait("Clock", "Manual")] // expects the fixture's manual clock: in-process only
    public async Task Patch_Success_AdvancesTheStampThroughTheClockAndSetsUpdatedBy()
    {
        Clock.AdjustTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, 500, TimeSpan.Zero));

        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/Name","value":"Renamed"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answered = await Json.ObjectAsync(response);
        answered["UpdatedDate"]!.GetValue<string>().Should().Be("2026-11-22T10:00:00");
        answered["UpdatedBy"]!["AssociateId"]!.GetValue<int>().Should().Be(1);
        answered["Name"]!.GetValue<string>().Should().Be("Renamed");
        answered["_Links"]!["Self"]!.GetValue<string>().Should().Be($"{Fixture.Url}/api/v1/Contact/66");
        response.Content.Headers.LastModified.Should().Be(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        (await GetEntityAsync(Contact))["UpdatedDate"]!.GetValue<string>().Should().Be("2026-11-22T10:00:00");
    }

    [Fact]
    [Trait("Clock", "Manual")] // expects the fixture's manual clock: in-process only
    public async Task Patch_TicketSuccess_AdvancesLastChanged()
    {
        using var response = await PatchAsync("/api/v1/Ticket/900", """[{"op":"replace","path":"/Title","value":"Printer on fire"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ObjectAsync(response))["LastChanged"]!.GetValue<string>().Should().Be("2026-11-22T10:00:00");
    }

    [Fact]
    public async Task Patch_Relation_IsServedAsOnTheRealApi()
    {
        using var response = await PatchAsync("/api/v1/Relation/819", """[{"op":"replace","path":"/Comment","value":"patched"}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetEntityAsync("/api/v1/Relation/819"))["Comment"]!.GetValue<string>().Should().Be("patched");
    }

    [Fact]
    public async Task Patch_EmptyArray_Returns200AndStampsTheEntity()
    {
        using var response = await PatchAsync(Contact, "[]");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ObjectAsync(response))["Name"]!.GetValue<string>().Should().Be("Schuster-Reichel");
    }

    [Fact]
    public async Task Patch_MergePatchContentTypeWithArray_Returns400()
    {
        using var response = await PatchAsync(Contact, """[{"op":"replace","path":"/Name","value":"x"}]""", "application/merge-patch+json");

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_ObjectSentAsJsonPatch_Returns400()
    {
        using var response = await PatchAsync(Contact, """{"Name":"x"}""", "application/json-patch+json");

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_NestedPropertyNamesInAnotherCase_TakeTheSchemaSpelling()
    {
        using var response = await PatchAsync(Contact, """[{"op":"add","path":"/Emails/-","value":{"value":"x@example.com"}}]""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var last = (await GetEntityAsync(Contact))["Emails"]!.AsArray()[^1]!.AsObject();
        last.ContainsKey("Value").Should().BeTrue();
        JsonNode.DeepEquals(last["Value"], JsonValue.Create("x@example.com")).Should().BeTrue();
    }

    [Theory]
    [InlineData(65)]
    [InlineData(250)]
    public async Task Test_WithADeeplyNestedValue_Is409AndChangesNothing(int depth)
    {
        var before = await GetTextAsync(Contact);
        var value = new string('[', depth) + new string(']', depth);

        using var response = await PatchAsync(Contact, $$"""[{"op":"test","path":"/Department","value":{{value}}}]""");

        await response.ShouldBeErrorAsync(HttpStatusCode.Conflict);
        (await GetTextAsync(Contact)).Should().Be(before);
    }
}
