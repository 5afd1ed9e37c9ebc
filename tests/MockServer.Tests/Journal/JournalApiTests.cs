using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary>What <c>GET /__admin/requests</c> shows of each request: id, operation, headers, both bodies.</summary>
[Hosts(MockHosts.All)]
public sealed class JournalApiTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Fact]
    public async Task Patch_IsRecordedWithItsOperationHeadersAndBothBodies_CredentialsRedacted()
    {
        await ClearAsync();
        const string Patch = """[{"op":"replace","path":"/Department","value":"Inspected"}]""";

        using var response = await PatchAsync("/api/v1/Contact/66", Patch, headers:
            [("Authorization", "Bearer s3cret"), ("Cookie", "session=abc"), ("X-XSRF-TOKEN", "xsrf"), ("Proxy-Authorization", "Basic eA=="), ("X-Trace", "t-1")]);
        var answered = await response.Content.ReadAsStringAsync();

        var entry = (await RequestsAsync()).Single()!;
        entry["operation"]!.GetValue<string>().Should().Be("PATCH Contact/{id}");
        entry["status"]!.GetValue<int>().Should().Be(200);
        entry["id"]!.GetValue<long>().Should().BePositive();
        entry["fault"].Should().BeNull();
        var headers = entry["requestHeaders"]!.AsObject();
        foreach (var secret in new[] { "Authorization", "Cookie", "X-XSRF-TOKEN", "Proxy-Authorization" })
        {
            headers[secret]!.GetValue<string>().Should().Be("[redacted]", secret);
        }

        headers["X-Trace"]!.GetValue<string>().Should().Be("t-1");
        headers["Content-Type"]!.GetValue<string>().Should().StartWith("application/json-patch+json");
        entry["requestBody"]!.GetValue<string>().Should().Be(Patch);
        entry["responseBody"]!.GetValue<string>().Should().Be(answered, "the journal shows the answer as sent, _Links included");
        answered.Should().Contain("Inspected").And.Contain(Fixture.Url + "/api/v1/Contact/66");
        entry["requestBodyTruncated"]!.GetValue<bool>().Should().BeFalse();
        entry["responseBodyTruncated"]!.GetValue<bool>().Should().BeFalse();
        entry["bodiesDropped"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Operation_NamesTheEntityOperation_AdminOrNothing_AndIdsIncrease()
    {
        await ClearAsync();
        await GetAsync("/api/v1/Contact/1");
        await GetAsync("/api/v1/Nothing/1");
        await GetAsync("/__admin/health");
        await SendAsync(HttpMethod.Delete, "/api/v1/Contact/1", null, null);

        var requests = await RequestsAsync();

        requests.Select(r => r!["operation"]?.GetValue<string>()).Should().Equal(null, "admin", null, "GET Contact/{id}");
        var ids = requests.Select(r => r!["id"]!.GetValue<long>()).ToList();
        ids.Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
        requests[0]!["status"]!.GetValue<int>().Should().Be(405);
    }

    [Fact]
    public async Task Refusal_IsRecordedWithTheErrorBody_AndHeadWithoutABody()
    {
        await ClearAsync();
        using var missing = await GetAsync("/api/v1/Contact/999999");
        var error = await missing.Content.ReadAsStringAsync();
        using var head = await SendAsync(HttpMethod.Head, "/api/v1/Contact/1", null, null);

        var requests = await RequestsAsync();

        requests[0]!["method"]!.GetValue<string>().Should().Be("HEAD");
        requests[0]!["responseBody"].Should().BeNull();
        requests[1]!["responseBody"]!.GetValue<string>().Should().Be(error).And.Contain("SoNotFoundException");
        requests[1]!["requestBody"].Should().BeNull("a GET sends no body");
    }

    [Fact]
    public async Task LargeBodies_AreCutAt16KiB_AndFlagged()
    {
        await ClearAsync();
        var value = new string('é', 12_000); // 24,000 bytes of UTF-8
        var patch = $$"""[{"op":"replace","path":"/Department","value":"{{value}}"}]""";

        using var response = await PatchAsync("/api/v1/Contact/66", patch);
        var answered = await response.Content.ReadAsStringAsync();

        var entry = (await RequestsAsync()).Single()!;
        var requestBody = entry["requestBody"]!.GetValue<string>();
        entry["requestBodyTruncated"]!.GetValue<bool>().Should().BeTrue();
        System.Text.Encoding.UTF8.GetByteCount(requestBody).Should().BeInRange(16 * 1024 - 3, 16 * 1024);
        patch.Should().StartWith(requestBody, "the body is cut between characters, never inside one");
        response.StatusCode.Should().Be(HttpStatusCode.OK, answered);
        entry["responseBodyTruncated"]!.GetValue<bool>().Should().BeTrue();
        answered.Should().StartWith(entry["responseBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadingTheJournal_IsNotRecorded()
    {
        await ClearAsync();
        await GetAsync("/__admin/requests");
        await GetAsync("/__admin/requests/count");
        await GetAsync("/__admin/requests?status=200");

        var journal = await GetEntityAsync("/__admin/requests");

        journal["total"]!.GetValue<long>().Should().Be(0);
        journal["requests"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task AdminAnswers_AreRecordedWithTheirBodies()
    {
        await ClearAsync();
        using var state = await Client.PostAsync("/__admin/provider-states",
            new StringContent("""{"action":"setup","state":"Contact 5 exists"}""", System.Text.Encoding.UTF8, "application/json"));
        var answered = await state.Content.ReadAsStringAsync();

        var entry = (await RequestsAsync()).Single()!;

        entry["operation"]!.GetValue<string>().Should().Be("admin");
        entry["requestBody"]!.GetValue<string>().Should().Contain("Contact 5 exists");
        entry["responseBody"]!.GetValue<string>().Should().Be(answered);
    }

    private async Task ClearAsync()
    {
        using var cleared = await Client.DeleteAsync("/__admin/requests");
        cleared.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private async Task<JsonArray> RequestsAsync(string query = "") => (await GetEntityAsync("/__admin/requests" + query))["requests"]!.AsArray();
}
