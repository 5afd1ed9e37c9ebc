using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>A rule's <c>abort</c> on a real socket: the connection ends without a single byte of an answer.</summary>
[Hosts(MockHosts.Kestrel | MockHosts.Native, Because = "reads the connection reset on the raw socket")]
public sealed class AbortTests(MockServerFixture fixture) : MockServerTestBase<MockServerFixture>(fixture)
{
    [Fact]
    public async Task AbortRule_ResetsTheConnection_WithNoStatusLine_AndChangesNothing()
    {
        var stored = await GetTextAsync("/api/v1/Contact/66");
        using (var added = await Client.PostAsync("/__admin/faults", new StringContent("""{"entity":"Contact","abort":true,"times":1}""", Encoding.UTF8, "application/json")))
        {
            added.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var (received, reset) = await RawExchangeAsync(
            "PATCH /api/v1/Contact/66 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json-patch+json\r\nContent-Length: 54\r\n\r\n"
            + """[{"op":"replace","path":"/Name","value":"Aborted!!!!"}]""");

        received.Should().BeEmpty("an aborted exchange answers nothing, not even a status line");
        reset.Should().BeTrue("Kestrel resets an aborted connection rather than closing it in order");
        (await GetTextAsync("/api/v1/Contact/66")).Should().Be(stored);
    }

    [Fact]
    public async Task AbortRule_OnAGetWithoutBody_AlsoResets_AndAfterItsTimesTheAnswerIsNormal()
    {
        using (var added = await Client.PostAsync("/__admin/faults", new StringContent("""{"method":"GET","abort":true,"times":1}""", Encoding.UTF8, "application/json")))
        {
            added.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var (aborted, reset) = await RawExchangeAsync("GET /api/v1/Contact/66 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var (answered, _) = await RawExchangeAsync("GET /api/v1/Contact/66 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        aborted.Should().BeEmpty();
        reset.Should().BeTrue();
        answered.Should().StartWith("HTTP/1.1 200 OK");
    }

    [Fact]
    public async Task AbortedExchange_IsInTheJournal_WithStatus0_AndItsFaultNote()
    {
        using (var added = await Client.PostAsync("/__admin/faults", new StringContent("""{"path":"/api/v1/Contact/47","abort":true,"times":1}""", Encoding.UTF8, "application/json")))
        {
            added.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var (aborted, _) = await RawExchangeAsync("GET /api/v1/Contact/47?aborted=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        aborted.Should().BeEmpty();

        var journal = JsonNode.Parse(await GetTextAsync("/__admin/requests?path=/api/v1/Contact/47&method=GET"))!["requests"]!.AsArray();
        var entry = journal.Single(e => e!["path"]!.GetValue<string>() == "/api/v1/Contact/47?aborted=1");
        entry!["status"]!.GetValue<int>().Should().Be(0, "no answer was sent");
        entry["fault"]!.GetValue<string>().Should().EndWith("abort");
    }

    /// <summary>
    /// Sends <paramref name="request"/> on a fresh connection and returns every byte received until the server closes
    /// it, and whether it ended with a reset (rather than an orderly close).
    /// </summary>
    private async Task<(string Received, bool Reset)> RawExchangeAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, Fixture.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var received = new MemoryStream();
        var reset = false;
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException error) when (error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            reset = true;
        }

        return (Encoding.ASCII.GetString(received.ToArray()), reset);
    }
}
