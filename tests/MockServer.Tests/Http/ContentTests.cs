using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

[Hosts(MockHosts.All)]
public sealed class ContentTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";
    private const string Patch = """[{"op":"replace","path":"/Department","value":"foo"}]""";

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task Patch_UnsupportedContentType_Returns415AndChangesNothing(string contentType)
    {
        var before = await GetTextAsync(Contact);

        using var response = await PatchAsync(Contact, Patch, contentType);

        (await response.ShouldBeErrorAsync(HttpStatusCode.UnsupportedMediaType)).Should().Contain(contentType);
        (await GetTextAsync(Contact)).Should().Be(before);
    }

    [Fact]
    public async Task Put_FormContentType_Returns415()
    {
        using var response = await PutAsync("/api/v1/Relation/819", "Comment=x", "application/x-www-form-urlencoded");

        await response.ShouldBeErrorAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Patch_WithoutContentType_IsTreatedAsJson()
    {
        using var response = await SendAsync(HttpMethod.Patch, Contact, Patch, null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Patch_BodyOverOneMebibyteWithContentLength_Returns413()
    {
        var huge = $$"""[{"op":"replace","path":"/Description","value":"{{new string('x', 1024 * 1024)}}"}]""";

        using var response = await PatchAsync(Contact, huge);

        await response.ShouldBeErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        (await GetEntityAsync(Contact))["Description"]!.GetValue<string>().Should().Be("Public-key actuating circuit");
    }

    [Fact]
    public async Task Patch_ChunkedBodyOverOneMebibyte_Returns413()
    {
        var huge = Encoding.UTF8.GetBytes($$"""[{"op":"replace","path":"/Description","value":"{{new string('x', 1024 * 1024)}}"}]""");
        using var request = new HttpRequestMessage(HttpMethod.Patch, Contact)
        {
            Content = new StreamContent(new NonSeekableStream(huge)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await response.ShouldBeErrorAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("POST")]
    public async Task UnsupportedMethodOnEntityRoute_Returns405WithAllowAndJsonError(string method)
    {
        using var response = await SendAsync(new HttpMethod(method), Contact, method == "POST" ? "{}" : null, "application/json");

        (await response.ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed)).Should().Contain(method);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD", "PATCH");
    }

    [Fact]
    public async Task Head_ExistingEntity_Returns200WithoutBody()
    {
        using var response = await SendAsync(HttpMethod.Head, Contact, null, null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    /// <summary>A stream without a length, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
