using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>One table of HTTP behaviour, run against both hosts of the contract: the answers must be the same.</summary>
public sealed class BothHostsTests
{
    private const string Contact = "/api/v1/Contact/66";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var host in new[] { ContractHosts.Kestrel, ContractHosts.WireMock })
        {
            foreach (var name in Table.Keys)
            {
                data.Add(host, name);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<HttpClient, Task>> Table = new()
    {
        ["JSON Patch 200"] = async http =>
        {
            using var answer = await SendAsync(http, "PATCH", Contact, "application/json-patch+json", """[{"op":"replace","path":"/Name","value":"On both hosts"}]""");
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            (await JsonAsync(await http.GetAsync(Contact)))["Name"]!.GetValue<string>().Should().Be("On both hosts");
        },
        ["Merge Patch 200"] = async http =>
        {
            using var answer = await SendAsync(http, "PATCH", Contact, "application/merge-patch+json", """{"Name":"Merged"}""");
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            (await JsonAsync(answer))["Name"]!.GetValue<string>().Should().Be("Merged");
        },
        ["404 unknown id"] = async http =>
        {
            using var answer = await SendAsync(http, "PATCH", "/api/v1/Contact/2000000000", "application/json-patch+json", """[{"op":"replace","path":"/Name","value":"x"}]""");
            answer.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await JsonAsync(answer))["Error"]!.GetValue<bool>().Should().BeTrue();
        },
        ["409 failing test"] = async http =>
        {
            var before = (await JsonAsync(await http.GetAsync(Contact)))["Name"]!.GetValue<string>();
            using var answer = await SendAsync(http, "PATCH", Contact, "application/json-patch+json",
                """[{"op":"test","path":"/Name","value":"not the name"},{"op":"replace","path":"/Name","value":"x"}]""");
            answer.StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await JsonAsync(await http.GetAsync(Contact)))["Name"]!.GetValue<string>().Should().Be(before);
        },
        ["412 stale If-Unmodified-Since"] = async http =>
        {
            using var answer = await SendAsync(http, "PATCH", Contact, "application/json-patch+json", """[{"op":"replace","path":"/Name","value":"x"}]""",
                ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"));
            answer.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
            (await JsonAsync(answer))["Error"]!.GetValue<bool>().Should().BeTrue();
        },
        ["400 malformed JSON"] = async http =>
        {
            using var answer = await SendAsync(http, "PATCH", Contact, "application/json-patch+json", "[{not json");
            answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await JsonAsync(answer))["ErrorType"]!.GetValue<string>().Should().NotBeEmpty();
        },
        ["$select"] = async http =>
        {
            var body = await JsonAsync(await http.GetAsync(Contact + "?$select=Name"));
            body["Name"].Should().NotBeNull();
            body["Department"].Should().BeNull();
        },
        ["PUT Relation"] = async http =>
        {
            var relation = await JsonAsync(await http.GetAsync("/api/v1/Relation/819"));
            relation["Comment"] = "Replaced on both hosts";
            relation.AsObject().Remove("_Links");
            using var answer = await SendAsync(http, "PUT", "/api/v1/Relation/819", "application/json", relation.ToJsonString());
            answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            (await JsonAsync(await http.GetAsync("/api/v1/Relation/819")))["Comment"]!.GetValue<string>().Should().Be("Replaced on both hosts");
        },
        ["CORS preflight 204"] = async http =>
        {
            using var answer = await SendAsync(http, "OPTIONS", Contact,
                ("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "PATCH"), ("Access-Control-Request-Headers", "content-type"));
            answer.StatusCode.Should().Be(HttpStatusCode.NoContent);
            answer.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("http://localhost:3000");
            answer.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("PATCH");
            answer.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Be("content-type");
        },
        ["CORS preflight 403 foreign origin"] = async http =>
        {
            using var answer = await SendAsync(http, "OPTIONS", Contact, ("Origin", "http://elsewhere.test"), ("Access-Control-Request-Method", "PATCH"));
            answer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            answer.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
            (await JsonAsync(answer))["ErrorMessage"]!.GetValue<string>().Should().Contain("http://elsewhere.test");
        },
        ["CORS origin on an answer"] = async http =>
        {
            using var answer = await SendAsync(http, "GET", Contact, ("Origin", "http://localhost:3000"));
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            answer.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("http://localhost:3000");
            answer.Headers.GetValues("Access-Control-Expose-Headers").Single().Should().Contain("ETag");
        },
        ["X-Mock-Session"] = async http =>
        {
            var seeded = (await JsonAsync(await http.GetAsync(Contact)))["Name"]!.GetValue<string>();
            using var answer = await SendAsync(http, "PATCH", Contact, "application/merge-patch+json", """{"Name":"In a session"}""", ("X-Mock-Session", "s1"));
            answer.StatusCode.Should().Be(HttpStatusCode.OK);
            using var inSession = new HttpRequestMessage(HttpMethod.Get, Contact) { Headers = { { "X-Mock-Session", "s1" } } };
            (await JsonAsync(await http.SendAsync(inSession)))["Name"]!.GetValue<string>().Should().Be("In a session");
            (await JsonAsync(await http.GetAsync(Contact)))["Name"]!.GetValue<string>().Should().Be(seeded);
        },
        ["405 other method"] = async http =>
        {
            using var answer = await http.DeleteAsync(Contact);
            answer.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
            answer.Content.Headers.Allow.Should().Contain("PATCH");
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Behaviour_IsTheSameOnBothHosts(string host, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await using var running = await ContractHosts.StartAsync(host, uri => http.BaseAddress = uri);

        await Table[name](http);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, string type, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage answer) => JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
}
