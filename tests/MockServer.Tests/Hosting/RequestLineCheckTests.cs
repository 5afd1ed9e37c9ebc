using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using ContractHarness.MockServer.Hosting;
using Microsoft.AspNetCore.Connections;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>The connection middleware before Kestrel's parser, on a connection made of pipes: what it refuses, what it hands on untouched, and when it gives up.</summary>
public sealed class RequestLineCheckTests
{
    [Theory]
    [InlineData("GET / HTTP/1.1", null)]
    [InlineData("GET / HTTP/1.0\r", null)]
    [InlineData("GET / HTTP/9.9", null)]
    [InlineData("GET / http/1.1", "http/1.1")]
    [InlineData("GET / HTTP/1.1\u0001", "HTTP/1.1?")]
    [InlineData("GET / HTTP/11", "HTTP/11")]
    [InlineData("GET / ", "")]
    [InlineData("GET /", null)] // two parts: Kestrel's own 400
    [InlineData("", null)]
    public void MalformedVersion_IsTheLastPartWhenItIsNotHttpDigitDotDigit(string line, string? malformed) =>
        RequestLineCheck.MalformedVersion(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(line))).Should().Be(malformed);

    [Fact]
    public async Task WellFormedLine_InPieces_IsHandedOnWithEveryByteUnread()
    {
        var connection = new Connection();
        string? seen = null;
        var checking = Run(connection, async c =>
        {
            var read = await c.Transport.Input.ReadAsync();
            seen = Encoding.ASCII.GetString(read.Buffer);
            c.Transport.Input.AdvanceTo(read.Buffer.End);
        });

        await connection.SendAsync("GET /api/v1/Con");
        await Task.Delay(50);
        checking.IsCompleted.Should().BeFalse("the line is not complete yet");
        await connection.SendAsync("tact/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        await checking.WaitAsync(TimeSpan.FromSeconds(10));

        seen.Should().Be("GET /api/v1/Contact/1 HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    [Fact]
    public async Task MalformedVersion_IsAnswered400_AndKestrelNeverSeesTheRequest()
    {
        var connection = new Connection();
        var handedOn = false;
        var checking = Run(connection, _ => { handedOn = true; return Task.CompletedTask; });

        await connection.SendAsync("PATCH /api/v1/Contact/1 http/1.1\r\nHost: x\r\n\r\n");
        await checking.WaitAsync(TimeSpan.FromSeconds(10));

        handedOn.Should().BeFalse();
        var answer = await connection.AnswerAsync();
        answer.Should().StartWith("HTTP/1.1 400 Bad Request\r\n").And.Contain("Connection: close").And.Contain("HTTP version 'http/1.1' is malformed");
        var body = answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        answer.Should().Contain($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
    }

    [Fact]
    public async Task NoLineWithinTheTimeout_ClosesTheConnectionWithoutAnAnswer()
    {
        var connection = new Connection();
        var handedOn = false;

        await Run(connection, _ => { handedOn = true; return Task.CompletedTask; }, TimeSpan.FromMilliseconds(100)).WaitAsync(TimeSpan.FromSeconds(10));

        handedOn.Should().BeFalse();
        (await connection.AnswerAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task LineLongerThanKestrelsLimit_IsKestrelsToRefuse()
    {
        var connection = new Connection();
        var handedOn = false;
        var checking = Run(connection, _ => { handedOn = true; return Task.CompletedTask; });

        await connection.SendAsync("GET /" + new string('a', 9000));
        await checking.WaitAsync(TimeSpan.FromSeconds(10));

        handedOn.Should().BeTrue();
    }

    private static Task Run(Connection connection, ConnectionDelegate kestrel, TimeSpan? timeout = null) =>
        RequestLineCheck.Middleware(timeout ?? TimeSpan.FromSeconds(30))(kestrel)(connection.Context);

    /// <summary>A connection made of two pipes: what a client sends, and what the server answers.</summary>
    private sealed class Connection
    {
        private readonly Pipe _toServer = new();
        private readonly Pipe _toClient = new();

        public Connection() => Context = new DefaultConnectionContext { Transport = new DuplexPipe(_toServer.Reader, _toClient.Writer) };

        public ConnectionContext Context { get; }

        public async Task SendAsync(string text) => await _toServer.Writer.WriteAsync(Encoding.ASCII.GetBytes(text));

        /// <summary>What the server wrote (the test has let the middleware finish).</summary>
        public async Task<string> AnswerAsync()
        {
            await _toClient.Writer.CompleteAsync();
            var read = await _toClient.Reader.ReadAsync();
            return Encoding.UTF8.GetString(read.Buffer);
        }

        private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input { get; } = input;

            public PipeWriter Output { get; } = output;
        }
    }
}
