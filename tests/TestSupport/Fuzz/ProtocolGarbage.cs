using System.Net.Sockets;
using System.Text;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>A raw HTTP/1.1 exchange the client libraries refuse to send, aimed at one entity.</summary>
/// <remarks><paramref name="Allowed5xx"/> is the one 5xx a case may get because HTTP defines it for that mistake (505).</remarks>
internal sealed record ProtocolCase(string Name, Func<string, byte[]> Request, bool HalfClose = false, int Allowed5xx = 0);

/// <summary>
/// Protocol garbage sent over a raw socket: broken chunked framing, Content-Length that lies, request lines and
/// headers over Kestrel's limits. Kestrel refuses some of these itself (400, 414, 431, without the JSON error body);
/// what must hold for all is that no answer is a 5xx and a refusal leaves the entity unchanged. Some framing that
/// looks odd is legal (chunk extensions, bare LF line ends) and may be accepted.
/// </summary>
internal static class ProtocolGarbage
{
    private const string Patch = "[{\"op\":\"replace\",\"path\":\"/Name\",\"value\":\"protocol\"}]";

    public static IReadOnlyList<ProtocolCase> All { get; } =
    [
        new("chunk-size-2^64-1", p => Chunked(p, "ffffffffffffffff\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunk-size-2^63-1", p => Chunked(p, "7fffffffffffffff\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunk-size-2^31", p => Chunked(p, "80000000\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunk-size-garbage", p => Chunked(p, "zz\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunk-size-negative", p => Chunked(p, "-1\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunk-size-too-small", p => Chunked(p, "3\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunk-extension-garbage", p => Chunked(p, $"{Patch.Length:x};;=\"\r\n" + Patch + "\r\n0\r\n\r\n")),
        new("chunked-without-last-chunk", p => Chunked(p, $"{Patch.Length:x}\r\n" + Patch + "\r\n"), HalfClose: true),
        new("content-length-longer-than-body", p => Plain(p, $"Content-Length: {Patch.Length + 10}\r\n", Patch), HalfClose: true),
        new("content-length-shorter-than-body", p => Plain(p, "Content-Length: 10\r\n", Patch)),
        new("content-length-and-chunked", p => Plain(p, "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", $"{Patch.Length:x}\r\n{Patch}\r\n0\r\n\r\n")),
        new("content-length-twice", p => Plain(p, $"Content-Length: {Patch.Length}\r\nContent-Length: 3\r\n", Patch)),
        new("content-length-negative", p => Plain(p, "Content-Length: -5\r\n", Patch)),
        new("content-length-not-a-number", p => Plain(p, "Content-Length: 1e3\r\n", Patch)),
        new("content-length-2^64", p => Plain(p, "Content-Length: 18446744073709551616\r\n", Patch)),
        new("content-length-huge", p => Plain(p, "Content-Length: 9223372036854775807\r\n", Patch), HalfClose: true),
        new("transfer-encoding-unknown", p => Plain(p, "Transfer-Encoding: gzip, chunked, foo\r\n", Patch)),
        new("request-line-over-8KiB", p => Plain(p + "?$select=" + RawJson.Repeat("a,", 5000), $"Content-Length: {Patch.Length}\r\n", Patch)),
        new("nul-in-path", p => Plain(p + "%00", $"Content-Length: {Patch.Length}\r\n", Patch)),
        new("headers-over-32KiB", p => Plain(p, $"X-Big: {new string('x', 40_000)}\r\nContent-Length: {Patch.Length}\r\n", Patch)),
        new("header-name-invalid", p => Plain(p, $"Bad Header: x\r\nContent-Length: {Patch.Length}\r\n", Patch)),
        new("header-value-latin1", p => RawJson.Join(Head(p, $"If-Unmodified-Since: "), new byte[] { 0xE9, 0xFF }, $"\r\nContent-Length: {Patch.Length}\r\n\r\n{Patch}")),
        new("content-type-latin1", p => RawJson.Join($"PATCH {p} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json-patch+json; charset=", new byte[] { 0xE9 }, $"\r\nContent-Length: {Patch.Length}\r\n\r\n{Patch}")),
        new("bare-lf-line-endings", p => Encoding.ASCII.GetBytes($"PATCH {p} HTTP/1.1\nHost: x\nContent-Type: application/json-patch+json\nContent-Length: {Patch.Length}\n\n{Patch}")),
        new("http-version-9.9", p => Encoding.ASCII.GetBytes($"PATCH {p} HTTP/9.9\r\nHost: x\r\nContent-Length: {Patch.Length}\r\n\r\n{Patch}"), Allowed5xx: 505),
        new("http-version-lower-case", p => Encoding.ASCII.GetBytes($"PATCH {p} http/1.1\r\nHost: x\r\nContent-Length: {Patch.Length}\r\n\r\n{Patch}")),
        new("http-version-without-minor", p => Encoding.ASCII.GetBytes($"PATCH {p} HTTP/1\r\nHost: x\r\nContent-Length: {Patch.Length}\r\n\r\n{Patch}")),
        new("http2-preface", _ => Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")),
        new("no-host-header", p => Encoding.ASCII.GetBytes($"PATCH {p} HTTP/1.1\r\nContent-Type: application/json-patch+json\r\nContent-Length: {Patch.Length}\r\n\r\n{Patch}")),
    ];

    private static string Head(string path, string headers) =>
        $"PATCH {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json-patch+json\r\nConnection: close\r\n{headers}";

    private static byte[] Plain(string path, string headers, string body) => Encoding.ASCII.GetBytes(Head(path, headers) + "\r\n" + body);

    private static byte[] Chunked(string path, string body) => Plain(path, "Transfer-Encoding: chunked\r\n", body);

    /// <summary>
    /// Sends the case at an entity and judges it: a 5xx (but the case's <see cref="ProtocolCase.Allowed5xx"/>) or a
    /// refusal that changed the entity is a finding; null when all is well.
    /// </summary>
    public static async Task<FuzzFinding?> JudgeAsync(HttpClient client, ProtocolCase protocol, string path, int index = 0)
    {
        var before = await client.GetStringAsync(path);
        var (status, response) = await SendAsync(client.BaseAddress!, protocol, path);
        var request = $"{protocol.Name} at {path}";
        if (status >= 500 && status != protocol.Allowed5xx)
        {
            return new(FuzzTally.ServerError, index, status, request, response);
        }

        var refused = status is < 200 or >= 300;
        return refused && await client.GetStringAsync(path) != before ? new(FuzzTally.ChangedOnRefusal, index, status, request, response) : null;
    }

    /// <summary>Sends the bytes and returns the first status code answered (0 when the mock closed without one).</summary>
    private static async Task<(int Status, string Response)> SendAsync(Uri server, ProtocolCase protocol, string path)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(protocol.Request(path));
            if (protocol.HalfClose)
            {
                tcp.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The mock may close while we still write (e.g. after refusing the headers); its answer is still readable.
        }

        var response = new MemoryStream();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0 && !HasStatusLine(response.ToArray()))
            {
                response.Write(buffer, 0, read);
            }

            if (read > 0 && !HasStatusLine(response.ToArray()))
            {
                response.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // A reset or a mock that keeps waiting: judged by what arrived so far.
        }

        var text = Encoding.Latin1.GetString(response.ToArray());
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(9, 3), out var code) ? code : 0;
        return (status, text.Length > 400 ? text[..400] : text);
    }

    private static bool HasStatusLine(byte[] bytes) => Array.IndexOf(bytes, (byte)'\n') >= 0;
}
