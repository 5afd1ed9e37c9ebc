using System.Text.Json.Nodes;
using ContractHarness.Pact.Matchers;
using ContractHarness.Pact.Schema;
using ContractHarness.Pact.Tests.Support;

namespace ContractHarness.Pact.Tests.Schema;

public class SchemaMatchersTests : IDisposable
{
    private readonly SchemaFolder schemas = new();

    public void Dispose() => schemas.Dispose();

    private JsonNode Body(SchemaMatcherOptions? options = null) =>
        SchemaMatchers.FromSchemaFile(schemas.ContactSchema, SchemaFolder.ContactExample(), options)!;

    private static JsonNode Matcher(string type, JsonNode? value, params (string Name, JsonNode? Value)[] extra)
    {
        var matcher = new JsonObject { ["pact:matcher:type"] = type };
        foreach (var (name, attribute) in extra)
        {
            matcher[name] = attribute;
        }

        matcher["value"] = value;
        return matcher;
    }

    private static void ShouldBe(JsonNode? actual, JsonNode? expected, string because = "") =>
        JsonNode.DeepEquals(actual, expected).Should().BeTrue($"{because} expected {expected?.ToJsonString()} but was {actual?.ToJsonString()}");

    [Fact]
    public void Primitives_GetTheMatcherOfTheirSchemaType()
    {
        var body = Body();

        ShouldBe(body["ContactId"], Matcher("integer", 66));
        ShouldBe(body["Name"], Matcher("type", "SuperOffice ASA"));
        ShouldBe(body["NoMailing"], Matcher("type", false));
        ShouldBe(body["Rating"], Matcher("number", 4.5));
        ShouldBe(body["Extra"], Matcher("number", 7), "a field the schema does not describe is matched by its JSON type");
    }

    [Fact]
    public void DateTimes_GetARegexAcceptingBothSampleForms()
    {
        var body = Body();

        ShouldBe(body["UpdatedDate"], Matcher("regex", "2013-02-21T15:29:29.5607019+01:00", ("regex", SchemaMatchers.IsoDateTimeRegex)));
        ShouldBe(body["CreatedDate"], Matcher("regex", "2026-11-22T10:00:00", ("regex", SchemaMatchers.IsoDateTimeRegex)));
        foreach (var accepted in new[] { "2026-11-22T10:00:00", "2013-02-21T15:29:29.5607019+01:00", "0001-01-01T00:00:00", "2020-04-22T15:51:25Z", "2020-04-22T15:51:25.1-05:00" })
        {
            System.Text.RegularExpressions.Regex.IsMatch(accepted, SchemaMatchers.IsoDateTimeRegex).Should().BeTrue(accepted);
        }

        foreach (var rejected in new[] { "2026-11-22", "22.11.2026 10:00", "2026-11-22T10:00", "yesterday" })
        {
            System.Text.RegularExpressions.Regex.IsMatch(rejected, SchemaMatchers.IsoDateTimeRegex).Should().BeFalse(rejected);
        }
    }

    [Fact]
    public void StringsWithAPattern_GetARegexOnThatPattern_BeforeTheirFormat()
    {
        const string NoOffset = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$";
        schemas.Write("ContactEntity.schema.json", $$$$"""
            {"type":"object","properties":{
               "UpdatedDate":{"type":"string","format":"date-time","pattern":"{{{{NoOffset}}}}"},
               "Code":{"type":"string","pattern":"^[A-Z]{3}$"},
               "CreatedDate":{"type":"string","pattern":"{{{{NoOffset}}}}"}}}
            """);
        var example = JsonNode.Parse("""{"UpdatedDate":"2026-11-22T10:00:00","Code":"NOK","CreatedDate":"2013-02-21T15:29:29+01:00"}""");

        var body = SchemaMatchers.FromSchemaFile(schemas.ContactSchema, example)!;

        ShouldBe(body["UpdatedDate"], Matcher("regex", "2026-11-22T10:00:00", ("regex", NoOffset)));
        ShouldBe(body["Code"], Matcher("regex", "NOK", ("regex", "^[A-Z]{3}$")));
        ShouldBe(body["CreatedDate"], Matcher("type", "2013-02-21T15:29:29+01:00"), "an example outside the pattern is matched by type, as with formats");
    }

    [Fact]
    public void Arrays_MatchByTypeWithMinZero_UsingTheFirstElementAsTemplate()
    {
        var body = Body();

        ShouldBe(body["Emails"], Matcher("type", new JsonArray(new JsonObject
        {
            ["Value"] = Matcher("type", "post@superoffice.com"),
            ["StrippedValue"] = Matcher("type", "post@superoffice.com"),
            ["Description"] = null,
        }), ("min", 0)));
        ShouldBe(body["Interests"], Matcher("type", new JsonArray(Matcher("type", "Golf")), ("min", 0)));
        ShouldBe(body["BounceEmails"], Matcher("type", new JsonArray(), ("min", 0)));
    }

    [Fact]
    public void References_AreFollowed_ThroughOneOfNullAndLocalPointers()
    {
        var body = Body();

        ShouldBe(body["UpdatedBy"], new JsonObject
        {
            ["AssociateId"] = Matcher("integer", 5),
            ["Name"] = Matcher("type", "Ada"),
            ["IsActive"] = Matcher("type", true),
        });
        ShouldBe(body["Category"], new JsonObject { ["Id"] = Matcher("integer", 3), ["Value"] = Matcher("type", "Customer") });
    }

    [Fact]
    public void Maps_MatchValuesByTheirSchema_WhateverTheKeys()
    {
        var body = Body();

        ShouldBe(body["CustomFields"], Matcher("values", new JsonObject { ["SuperOffice:1"] = Matcher("type", "[I:12]"), ["SuperOffice:2"] = null }));
        ShouldBe(body["FieldProperties"], Matcher("values", new JsonObject
        {
            ["Name"] = new JsonObject
            {
                ["FieldRight"] = new JsonObject { ["Mask"] = Matcher("type", "FULL") },
                ["FieldType"] = Matcher("type", "System.String"),
                ["FieldLength"] = Matcher("integer", 220),
            },
        }));
    }

    [Fact]
    public void NullExamples_StayPlainNull()
    {
        Body()["PostalAddress"].Should().BeNull();
        Body().AsObject().ContainsKey("PostalAddress").Should().BeTrue();
    }

    [Fact]
    public void NullExamples_AreLeftOut_WhenOmitNullPropertiesIsOn_UnlessPinned()
    {
        var body = Body(new SchemaMatcherOptions { OmitNullProperties = true }).AsObject();
        body.ContainsKey("PostalAddress").Should().BeFalse();
        body.ContainsKey("Department").Should().BeTrue("non-null properties stay");

        var pinned = Body(new SchemaMatcherOptions
        {
            OmitNullProperties = true,
            Overrides = new Dictionary<string, object?> { ["PostalAddress"] = Match.Null() },
        });
        ShouldBe(pinned["PostalAddress"], Matcher("null", null));
    }

    [Fact]
    public void IgnoredProperties_AreLeftOutAtAnyDepth()
    {
        var body = Body(new SchemaMatcherOptions { IgnoredProperties = new HashSet<string> { "FieldProperties", "Name" } }).AsObject();

        body.ContainsKey("FieldProperties").Should().BeFalse();
        body["UpdatedBy"]!.AsObject().ContainsKey("Name").Should().BeFalse("names are ignored inside carriers too");
        body.ContainsKey("Department").Should().BeTrue();
    }

    [Fact]
    public void Overrides_PinAFieldExactly_OrReplaceItsMatcher_AtAnyDepth()
    {
        var body = Body(new SchemaMatcherOptions
        {
            Overrides = new Dictionary<string, object?>
            {
                ["Department"] = "Sales",
                ["$.UpdatedBy.Name"] = Match.Include("Ad"),
                ["Emails[*].Value"] = Match.Regex("post@superoffice.com", "^[^@]+@[^@]+$"),
                ["PostalAddress"] = Match.Null(),
                ["CustomFields.*"] = JsonValue.Create("fixed"),
            },
        });

        ShouldBe(body["Department"], Matcher("equality", "Sales"));
        ShouldBe(body["UpdatedBy"]!["Name"], Matcher("include", "Ad"));
        ShouldBe(body["Emails"]!["value"]![0]!["Value"], Matcher("regex", "post@superoffice.com", ("regex", "^[^@]+@[^@]+$")));
        ShouldBe(body["PostalAddress"], Matcher("null", null));
        ShouldBe(body["CustomFields"]!["value"]!["SuperOffice:1"], Matcher("equality", "fixed"));
    }

    [Fact]
    public void TypeGivenAsAString_AndAdditionalPropertiesTrue_AreUnderstood()
    {
        schemas.Write("Loose.schema.json", """{"type":"object","additionalProperties":true,"properties":{"Count":{"type":"integer"}}}""");

        var body = SchemaMatchers.FromSchemaFile(schemas.File("Loose.schema.json"), """{"Count":2,"Anything":"x"}""")!;

        ShouldBe(body["Count"], Matcher("integer", 2));
        ShouldBe(body["Anything"], Matcher("type", "x"));
    }

    [Fact]
    public void ExamplesBuiltInCode_AreReadLikeParsedOnes()
    {
        var example = new JsonObject { ["ContactId"] = 66, ["Rating"] = 4.5, ["NoMailing"] = true, ["UpdatedDate"] = "2026-11-22T10:00:00" };

        var body = SchemaMatchers.FromSchemaFile(schemas.ContactSchema, example)!;

        ShouldBe(body["ContactId"], Matcher("integer", 66));
        ShouldBe(body["Rating"], Matcher("number", 4.5));
        ShouldBe(body["NoMailing"], Matcher("type", true));
        body["UpdatedDate"]!["pact:matcher:type"]!.GetValue<string>().Should().Be("regex");
    }

    [Fact]
    public void AMissingReferencedFile_IsReportedWithTheReferrer()
    {
        schemas.Write("Broken.schema.json", """{"type":"object","properties":{"Owner":{"$ref":"Nobody.schema.json"}}}""");

        var act = () => SchemaMatchers.FromSchemaFile(schemas.File("Broken.schema.json"), """{"Owner":{"Id":1}}""");

        act.Should().Throw<FileNotFoundException>().WithMessage("*Nobody.schema.json*referenced from*Broken.schema.json*");
    }
}
