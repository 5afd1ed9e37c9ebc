using System.Net.Sockets;
using System.Text;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

/// <summary>
/// Framing garbage that reaches the mock (a chunk size past 64 bits) and a malformed HTTP version are a 400 with the
/// error body, over a raw socket.
/// </summary>
[Hosts(MockHosts.Kestrel | MockHosts.Native, Because = "sends raw HTTP over a socket")]
public sealed class ProtocolTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Theory]
    [InlineData("ffffffffffffffff")]
    [InlineData("10000000000000000")]
    public async Task ChunkSize_ThatOverflows_Is400WithTheErrorBodyAndChangesNothing(string chunkSize)
    {
        var before = await GetTextAsync("/api/v1/Contact/66");

        var answer = await RawAsync(
            "PATCH /api/v1/Contact/66 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/merge-patch+json\r\n"
            + $"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunkSize}\r\n{{\"Name\":\"x\"}}\r\n0\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 400 ");
        answer.Should().Contain("\r\nContent-Type: application/json").And.Contain("\"Error\":true").And.Contain("\"ErrorType\":");
        (await GetTextAsync("/api/v1/Contact/66")).Should().Be(before);
    }

    [Theory]
    [InlineData("http/1.1")]
    [InlineData("Http/1.1")]
    [InlineData("HTTP/1")]
    [InlineData("HTTP/1.1x")]
    [InlineData("HTTP/1.10")]
    public async Task MalformedHttpVersion_Is400WithTheErrorBodyNamingIt_NotA505_AndChangesNothing(string version)
    {
        var before = await GetTextAsync("/api/v1/Contact/66");

        var answer = await RawAsync($"PATCH /api/v1/Contact/66 {version}\r\nHost: 127.0.0.1\r\nContent-Type: application/merge-patch+json\r\nContent-Length: 12\r\n\r\n{{\"Name\":\"x\"}}");

        answer.Should().StartWith("HTTP/1.1 400 ");
        answer.Should().Contain("\r\nContent-Type: application/json").And.Contain("\"ErrorType\":\"ArgumentException\"").And.Contain($"HTTP version '{version}'");
        (await GetTextAsync("/api/v1/Contact/66")).Should().Be(before);
    }

    [Fact]
    public async Task WellFormedVersionKestrelDoesNotSupport_StaysA505()
    {
        var answer = await RawAsync("GET /api/v1/Contact/66 HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 505 ");
    }

    [Theory]
    [InlineData("HTTP/1.1", "HTTP/1.1 200 ")]
    [InlineData("htTP/1.1", "HTTP/1.1 400 ")]
    public async Task RequestLineArrivingInPieces_IsJudgedWhole(string version, string expected)
    {
        var answer = await RawAsync("GET /api/v1/Con", $"tact/66 {version}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        answer.Should().StartWith(expected);
    }

    [Fact]
    public async Task SecondRequestOnAKeptAliveConnection_IsServedAfterTheFirstWasChecked()
    {
        var answer = await RawAsync("GET /api/v1/Contact/66 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/v1/Contact/67 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        answer.Split("HTTP/1.1 200 ").Should().HaveCount(3, "both requests are answered 200");
    }

    private async Task<string> RawAsync(params string[] pieces)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", Fixture.Port);
        var stream = socket.GetStream();
        foreach (var piece in pieces)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(piece));
            await stream.FlushAsync();
            await Task.Delay(pieces.Length > 1 ? 100 : 0);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
