using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Contract;

/// <summary>
/// The date rule (no offset in any answer; an offset in a request is stored as UTC without one) and the vendor's
/// enumerations (seed data holds only members; an update to a non-member is a 400 naming the path, nested too).
/// </summary>
[Hosts(MockHosts.Kestrel | MockHosts.Memory, Because = "moves the in-process clock")]
public sealed partial class DateAndEnumRuleTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Ticket = "/api/v1/Ticket/900";
    private const string Document = "/api/v1/Document/634";
    private static readonly CompiledSchemas Compiled = new(Path.Combine(TestPaths.Contracts, "schemas"));

    public static TheoryData<string> Endpoints => [.. TestPaths.Catalog.Endpoints.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryGetAnswer_HoldsDateTimesInTheRulesForm_AndOnlyEnumerationMembers(string endpointId)
    {
        var endpoint = TestPaths.Catalog.Endpoints.Single(e => e.Id == endpointId);
        var schema = Compiled.Get(endpoint.Entity);
        var dates = 0;
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in Enumerable.Range(1, 100).Append(endpoint.FixtureId))
        {
            var text = await GetTextAsync(ItemPath(endpoint, id));

            OffsetDateTime().IsMatch(text).Should().BeFalse($"{endpoint.Entity} {id} carries a date-time with an offset: {OffsetDateTime().Match(text).Value}");
            schema.Validate(JsonNode.Parse(text)).Should().BeEmpty($"{endpoint.Entity} {id} keeps its schema (date pattern, enumerations)");
            Visit(schema, JsonNode.Parse(text), (node, value) =>
            {
                if (node.IsDateTime)
                {
                    DateTimeRule.IsMatch(value).Should().BeTrue(value);
                    dates++;
                }
                else if (node.Enum is { } allowed)
                {
                    allowed.Select(a => a!.GetValue<string>()).Should().Contain(value);
                    members.Add(value);
                }
            });
        }

        dates.Should().BeGreaterThan(100, "every entity has date-times");
        members.Should().HaveCountGreaterThan(2, "the seed draws from the members, not always the first");
    }

    [Theory]
    [InlineData("application/json-patch+json", """[{"op":"replace","path":"/BaseStatus","value":"qui"}]""", "/BaseStatus")]
    [InlineData("application/merge-patch+json", """{"BaseStatus":"qui"}""", "/BaseStatus")]
    [InlineData("application/json-patch+json", """[{"op":"replace","path":"/OwnedBy/Type","value":"eius"}]""", "/OwnedBy/Type")]
    [InlineData("application/merge-patch+json", """{"Priority":{"TicketRead":"Sometimes"}}""", "/Priority/TicketRead")]
    [InlineData("application/json-patch+json", """[{"op":"add","path":"/Priority/NonDates/-","value":"expedita"}]""", "/Priority/NonDates/0")]
    [InlineData("application/json-patch+json", """[{"op":"replace","path":"/Deadline","value":"yesterday"}]""", "/Deadline")]
    [InlineData("application/merge-patch+json", """{"Deadline":"2024-13-45T25:00:00"}""", "/Deadline: the value is not a date-time as the API writes it")]
    public async Task Patch_OutsideTheRule_Is400NamingThePath_AndChangesNothing(string contentType, string body, string path)
    {
        var before = await GetTextAsync(Ticket);

        using var response = await PatchAsync(Ticket, body, contentType);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(path);
        (await GetTextAsync(Ticket)).Should().Be(before);
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"/Associate/Type","value":"eius"}]""", "/Associate/Type: \"eius\" is not one of \"Unknown\", \"InternalAssociate\"")]
    [InlineData("""[{"op":"replace","path":"/Type","value":"et"}]""", "/Type: \"et\" is not one of")]
    [InlineData("""[{"op":"replace","path":"/VisibleFor/1/Visibility","value":"quis"}]""", "/VisibleFor/1/Visibility: \"quis\" is not one of \"All\", \"Associate\", \"Group\".")]
    [InlineData("""[{"op":"replace","path":"/Associate/Type","value":null}]""", "/Associate/Type: expected a string but found null")]
    public async Task Patch_NestedNonMember_Is400NamingThePath(string body, string message)
    {
        var before = await GetTextAsync(Document);

        using var response = await PatchAsync(Document, body);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest)).Should().Contain(message);
        (await GetTextAsync(Document)).Should().Be(before);
    }

    [Fact]
    public async Task Patch_Members_AreAccepted_AndRemoveResetsToTheFirstMember()
    {
        using var set = await PatchAsync(Document, """[{"op":"replace","path":"/Associate/Type","value":"SystemAssociate"},{"op":"replace","path":"/Type","value":"Note"}]""");
        var answer = await Json.ObjectAsync(set);
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        answer["Associate"]!["Type"]!.GetValue<string>().Should().Be("SystemAssociate");
        answer["Type"]!.GetValue<string>().Should().Be("Note");

        using var removed = await PatchAsync(Document, """[{"op":"remove","path":"/Type"}]""");

        (await Json.ObjectAsync(removed))["Type"]!.GetValue<string>().Should().Be("Unknown", "the enumeration's zero value is its first member");
    }

    [Theory]
    [InlineData("application/json-patch+json", """[{"op":"replace","path":"/Deadline","value":"2024-05-01T12:00:00+02:00"}]""", "Deadline", "2024-05-01T10:00:00")]
    [InlineData("application/merge-patch+json", """{"Deadline":"2024-05-01T23:30:00.25-01:00"}""", "Deadline", "2024-05-02T00:30:00.25")]
    [InlineData("application/merge-patch+json", """{"Deadline":"2024-05-01T12:00:00Z"}""", "Deadline", "2024-05-01T12:00:00")]
    [InlineData("application/merge-patch+json", """{"Deadline":"2024-05-01T12:00:00"}""", "Deadline", "2024-05-01T12:00:00")]
    [InlineData("application/merge-patch+json", """{"Priority":{"MonStart":"2024-05-01T08:00:00+02:00"}}""", "Priority/MonStart", "2024-05-01T06:00:00")]
    [InlineData("application/json-patch+json", """[{"op":"add","path":"/Priority/NonDates/-","value":"2024-12-24T00:00:00+01:00"}]""", "Priority/NonDates/0", "2024-12-23T23:00:00")]
    public async Task Patch_DateTimeWithAnOffset_IsStoredAsUtcWithoutIt(string contentType, string body, string path, string stored)
    {
        Clock.AdjustTime(new DateTimeOffset(2026, 11, 30, 9, 15, 42, TimeSpan.Zero));

        using var response = await PatchAsync(Ticket, body, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await Json.ObjectAsync(response);
        At(answer, path).Should().Be(stored);
        answer["LastChanged"]!.GetValue<string>().Should().Be("2026-11-30T09:15:42", "the stamp is the mock's UTC clock, without an offset");
        At(await GetEntityAsync(Ticket), path).Should().Be(stored);
    }

    [Fact]
    public async Task Put_DateTimesWithOffsets_AreStoredAsUtcWithoutThem()
    {
        var relation = await GetEntityAsync("/api/v1/Relation/819");
        relation["CreatedDate"] = "2020-01-01T00:30:00+01:00";

        using var response = await PutAsync("/api/v1/Relation/819", relation.ToJsonString());

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = await response.Content.ReadAsStringAsync();
        JsonNode.Parse(text)!["CreatedDate"]!.GetValue<string>().Should().Be("2019-12-31T23:30:00");
        OffsetDateTime().IsMatch(text).Should().BeFalse();
    }

    private static string At(JsonNode node, string path) =>
        path.Split('/').Aggregate(node, (n, part) => int.TryParse(part, CultureInfo.InvariantCulture, out var i) ? n[i]! : n[part]!).GetValue<string>();

    /// <summary>Calls <paramref name="visit"/> with every string in <paramref name="value"/> and the schema that types it.</summary>
    private static void Visit(SchemaNode schema, JsonNode? value, Action<SchemaNode, string> visit)
    {
        var node = schema.ValueSchema;
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, member) in obj)
                {
                    var child = node.TryGetProperty(name, out _, out var property) ? property : node.AdditionalProperties;
                    if (child is not null)
                    {
                        Visit(child, member, visit);
                    }
                }

                break;
            case JsonArray array when node.Items is { } items:
                foreach (var item in array)
                {
                    Visit(items, item, visit);
                }

                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                visit(node, text);
                break;
        }
    }

    private static string ItemPath(EndpointDefinition endpoint, int id) => endpoint.Route.Replace("{id}", id.ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})")]
    private static partial Regex OffsetDateTime();
}
