using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

/// <summary>Text that is not Unicode is a 400 Malformed JSON wherever it sits in a body, and changes nothing.</summary>
[Hosts(MockHosts.All)]
public sealed class UnicodeTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";
    private const string Relation = "/api/v1/Relation/819";

    public static TheoryData<string, string, string, byte[]> NotUnicode => new()
    {
        { "PATCH", Contact, "application/json-patch+json", Utf8("""[{"op":"replace","path":"/Name","value":"\ud800"}]""") },
        { "PATCH", Contact, "application/json-patch+json", Utf8("""[{"op":"add","path":"/Name","value":"x\udc00y"}]""") },
        { "PATCH", Contact, "application/json-patch+json", Utf8("""[{"op":"add","path":"/Na\ud800me","value":"x"}]""") },
        { "PATCH", Contact, "application/json-patch+json", Utf8("""[{"op":"test","path":"/Name","value":"\ud800"}]""") },
        { "PATCH", Contact, "application/json-patch+json", Utf8("""[{"op":"replace","path":"/Name","value":"\ud800\ud800"}]""") },
        { "PATCH", Contact, "application/merge-patch+json", Utf8("""{"\ud800":1}""") },
        { "PATCH", Contact, "application/merge-patch+json", Utf8("""{"Name":"\udc00"}""") },
        { "PATCH", Contact, "application/json-patch+json", Bytes("""[{"op":"replace","path":"/Name","value":"a""", [0xFF], """b"}]""") },
        { "PATCH", Contact, "application/merge-patch+json", Bytes("""{"Name":"a""", [0xED, 0xA0, 0x80], "\"}") },
        { "PATCH", Contact, "application/merge-patch+json", Bytes("""{"Na""", [0xC3], "me\":\"x\"}") },
        { "PUT", Relation, "application/json", Utf8("""{"Comment":"\ud800"}""") },
        { "PUT", Relation, "application/json", Bytes("{\"Comment\":\"", [0xC0, 0xAF], "\"}") },
    };

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public async Task Body_WithTextThatIsNotUnicode_Is400MalformedJsonAndChangesNothing(string method, string path, string contentType, byte[] body)
    {
        var before = await GetTextAsync(path);

        using var response = await SendBytesAsync(new HttpMethod(method), path, contentType, body);

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        response.ReasonPhrase.Should().Be("Malformed JSON");
        (await GetTextAsync(path)).Should().Be(before);
    }

    [Theory]
    [InlineData("""{"action":"setup","state":"Contact 66 does not exist\ud800"}""")]
    [InlineData("""{"action":"setup","state":"Contact 66 does not exist","params":{"\udfff":1}}""")]
    public async Task ProviderState_WithTextThatIsNotUnicode_Is400MalformedJsonAndChangesNothing(string body)
    {
        using var response = await SendBytesAsync(HttpMethod.Post, "/__admin/provider-states", "application/json", Utf8(body));

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest);
        response.ReasonPhrase.Should().Be("Malformed JSON");
        (await GetAsync(Contact)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Body_WithAPairedSurrogateEscapeOrAnEscapedBackslash_IsAccepted()
    {
        using var response = await SendBytesAsync(HttpMethod.Patch, Contact, "application/json-patch+json",
            Utf8("""[{"op":"replace","path":"/Name","value":"\\ud800 \ud83d\ude00"}]"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await GetEntityAsync(Contact))["Name"]!.GetValue<string>().Should().Be("\\ud800 \U0001F600");
    }

    private async Task<HttpResponseMessage> SendBytesAsync(HttpMethod method, string path, string contentType, byte[] body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Client.SendAsync(request);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(string before, byte[] raw, string after) => [.. Utf8(before), .. raw, .. Utf8(after)];
}
