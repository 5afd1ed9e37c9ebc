using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary>A refused update's journal entry lists every schema error; the answer keeps the real server's shape and names the first few.</summary>
[Hosts(MockHosts.All)]
public sealed class JournalErrorsTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    // Eight properties that break the schema: six strings given numbers, a boolean given text, an enumeration member that is none.
    private const string EightErrors = """
        {"Name":1,"Department":2,"OrgNr":3,"Number1":4,"Number2":5,"Kananame":6,"NoMailing":"x","Associate":{"Type":"eius"}}
        """;

    [Fact]
    public async Task ARefusedUpdate_ListsEverySchemaError_WithItsPath()
    {
        await ClearAsync();

        using var response = await PatchAsync("/api/v1/Contact/66", EightErrors, "application/merge-patch+json");

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        var entry = (await RequestsAsync()).Single()!;
        var errors = entry["errors"]!.AsArray().Select(e => (Path: e!["path"]!.GetValue<string>(), Kind: e["kind"]!.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();
        errors.Select(e => e.Path).Should().BeEquivalentTo(["/Name", "/Department", "/OrgNr", "/Number1", "/Number2", "/Kananame", "/NoMailing", "/Associate/Type"]);
        errors.Single(e => e.Path == "/Associate/Type").Message.Should().Contain("\"eius\" is not one of");
        errors.Should().OnlyContain(e => e.Message.StartsWith(e.Path + ":", StringComparison.Ordinal) && e.Kind.Length > 0);
        message.Should().StartWith("The updated ContactEntity does not match its schema:");
        errors.Count(e => message.Contains(e.Message, StringComparison.Ordinal)).Should().Be(5, "the answer names the first five, as it always has");
        entry["responseBody"]!.GetValue<string>().Should().Contain("\"ErrorType\":\"ArgumentException\"");
    }

    [Fact]
    public async Task OtherAnswers_HaveNoErrors()
    {
        await ClearAsync();

        await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/Name","value":"fine"}]""");
        await PatchAsync("/api/v1/Contact/66", """[{"op":"replace","path":"/NoSuchProperty","value":1}]""");

        (await RequestsAsync()).Should().HaveCount(2).And.OnlyContain(e => e!["errors"] == null);
    }

    [Fact]
    public async Task TheEngineJournal_CarriesTheErrorsToo()
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9091/"), new SuperOfficeMockServerOptions { LogRequests = false });

        await engine.HandleAsync(new MockRequest("PATCH", "/api/v1/Contact/66", new Dictionary<string, string> { ["Content-Type"] = "application/merge-patch+json" }, System.Text.Encoding.UTF8.GetBytes(EightErrors)));

        engine.Journal.Single().Errors.Should().HaveCount(8).And.Contain(e => e.Path == "/Associate/Type" && e.Kind == "NotInEnumeration");
    }

    [Fact]
    public async Task WithoutAJournalByteBudget_TheErrorsGoWithTheBodies()
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9091/"), new SuperOfficeMockServerOptions { LogRequests = false, JournalBodyBytes = 0 });

        await engine.HandleAsync(new MockRequest("PATCH", "/api/v1/Contact/66", new Dictionary<string, string> { ["Content-Type"] = "application/merge-patch+json" }, System.Text.Encoding.UTF8.GetBytes(EightErrors)));

        var entry = engine.Journal.Single();
        entry.BodiesDropped.Should().BeTrue();
        entry.Errors.Should().BeEmpty("the error list comes from the body and counts against the same budget");
    }

    private async Task ClearAsync() => (await SendAsync(HttpMethod.Delete, "/__admin/requests", null, null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

    private async Task<JsonArray> RequestsAsync()
    {
        using var response = await GetAsync("/__admin/requests");
        return (await Json.ObjectAsync(response))["requests"]!.AsArray();
    }
}
