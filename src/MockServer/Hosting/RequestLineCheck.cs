using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using ContractHarness.MockServer.Model;
using Microsoft.AspNetCore.Connections;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// A connection middleware before Kestrel's HTTP/1.1 parser: it reads the first request line of each connection and
/// answers a malformed HTTP version (<c>http/1.1</c>, <c>HTTP/1</c>, <c>HTTP/1.1x</c>: RFC 9112 section 2.3 spells it
/// <c>HTTP/</c> DIGIT <c>.</c> DIGIT, case-sensitive) with a 400 and the JSON error body, where Kestrel would answer
/// 505 Version Not Supported, a server error for a client's mistake. A well-formed version, also one Kestrel does not
/// support (<c>HTTP/9.9</c>, rightly 505), and any other line are left to Kestrel untouched: the bytes read are handed
/// back unconsumed. Later requests on a kept-alive connection are not looked at (finding their start would mean
/// parsing HTTP framing); they still get Kestrel's 505.
/// </summary>
internal static class RequestLineCheck
{
    /// <summary>Kestrel's default limit of a request line; a longer one is Kestrel's to refuse (414).</summary>
    private const int MaxLine = 8 * 1024;

    /// <summary>Wraps Kestrel's connection handling; <paramref name="timeout"/> bounds the wait for the first line (Kestrel's request-headers timeout).</summary>
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware(TimeSpan timeout) => next => connection => CheckAsync(connection, next, timeout);

    private static async Task CheckAsync(ConnectionContext connection, ConnectionDelegate next, TimeSpan timeout)
    {
        var input = connection.Transport.Input;
        string? version;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed)) // on the system clock, as Kestrel's own timeouts
        {
            waiting.CancelAfter(timeout);
            try
            {
                version = await MalformedVersionAsync(input, waiting.Token);
            }
            catch (OperationCanceledException)
            {
                return; // no request line in time, or the client left: close, as Kestrel would
            }
        }

        if (version is null)
        {
            await next(connection);
            return;
        }

        await connection.Transport.Output.WriteAsync(BadRequest(version), connection.ConnectionClosed);
    }

    /// <summary>
    /// Reads until the first line is in (or there is no line to judge) and returns its malformed version, consuming
    /// what was read; or null, handing every byte back to Kestrel unconsumed.
    /// </summary>
    private static async Task<string?> MalformedVersionAsync(PipeReader input, CancellationToken cancel)
    {
        SequencePosition? examined = null;
        while (true)
        {
            var read = await input.ReadAsync(cancel);
            var buffer = read.Buffer;
            var end = buffer.PositionOf((byte)'\n');
            if (end is null && !read.IsCompleted && !read.IsCanceled && buffer.Length < MaxLine)
            {
                examined = buffer.End;
                input.AdvanceTo(buffer.Start, buffer.End); // wait for more
                continue;
            }

            var version = end is { } lf ? MalformedVersion(buffer.Slice(0, lf)) : null;
            if (version is not null)
            {
                input.AdvanceTo(buffer.End);
            }
            else
            {
                // Nothing consumed, and examined no further than before, so Kestrel's first read returns at once.
                input.AdvanceTo(buffer.Start, examined ?? buffer.Start);
            }

            return version;
        }
    }

    /// <summary>The version of a request line (method, target, version) when it is not HTTP-name "/" DIGIT "." DIGIT; else null.</summary>
    internal static string? MalformedVersion(ReadOnlySequence<byte> line)
    {
        if (line.Length > MaxLine)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[(int)line.Length];
        line.CopyTo(bytes);
        bytes = bytes.TrimEnd((byte)'\r');
        var lastSpace = bytes.LastIndexOf((byte)' ');
        if (lastSpace < 0 || bytes[..lastSpace].IndexOf((byte)' ') < 0)
        {
            return null; // not three parts: Kestrel answers 400 itself
        }

        var version = bytes[(lastSpace + 1)..];
        var wellFormed = version.Length == 8 && version.StartsWith("HTTP/"u8) && char.IsAsciiDigit((char)version[5]) && version[6] == '.' && char.IsAsciiDigit((char)version[7]);
        return wellFormed ? null : Printable(version);
    }

    private static string Printable(ReadOnlySpan<byte> version)
    {
        var text = new StringBuilder(Math.Min(version.Length, 40));
        foreach (var b in version[..Math.Min(version.Length, 40)])
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return version.Length > 40 ? text.Append('…').ToString() : text.ToString();
    }

    private static byte[] BadRequest(string version)
    {
        var body = ErrorBody.Serialize(
            "ArgumentException",
            $"The request line's HTTP version '{version}' is malformed: it is HTTP/1.1 or HTTP/1.0, in capitals (RFC 9112, section 2.3).");
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        return [.. head, .. body];
    }
}
