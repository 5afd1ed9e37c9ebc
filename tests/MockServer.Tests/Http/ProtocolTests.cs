using System.Net.Sockets;
using System.Text;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Http;

/// <summary>Framing garbage that reaches the mock (a chunk size past 64 bits) is a 400 with the error body, over a raw socket.</summary>
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

    private async Task<string> RawAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", Fixture.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
