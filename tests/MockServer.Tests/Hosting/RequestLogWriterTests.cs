using ContractHarness.MockServer.Http;

namespace ContractHarness.MockServer.Tests.Hosting;

public sealed class RequestLogWriterTests
{
    [Fact]
    public async Task Dispose_WritesEveryQueuedLineInOrder()
    {
        var output = new StringWriter();
        var writer = new RequestLogWriter(output);

        // Far more than one batch holds, so the writer must go round more than once.
        for (var i = 0; i < 5000; i++)
        {
            await writer.PostAsync(new RequestLogLine("GET", $"/api/v1/Contact/{i}", i % 2 == 0 ? "?$select=Name" : null, 200, i / 10.0));
        }

        await writer.DisposeAsync();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5000);
        lines[0].Should().Be("GET /api/v1/Contact/0?$select=Name 200 0.0 ms");
        lines[4999].Should().Be("GET /api/v1/Contact/4999 200 499.9 ms");
        lines.Select(l => int.Parse(l.Split(' ')[1].Split('?')[0]["/api/v1/Contact/".Length..])).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task LinesAreWrittenWhileRunning_NotOnlyAtDispose()
    {
        var output = new SignallingWriter();
        await using var writer = new RequestLogWriter(output);

        await writer.PostAsync(new RequestLogLine("PATCH", "/api/v1/Ticket/7", null, 409, 1.25));

        (await output.Written.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be("PATCH /api/v1/Ticket/7 409 1.3 ms" + Environment.NewLine);
    }

    [Fact]
    public async Task DisposeTwice_IsHarmless()
    {
        var output = new StringWriter();
        var writer = new RequestLogWriter(output);
        await writer.PostAsync(new RequestLogLine("GET", "/x", null, 404, 0));

        await writer.DisposeAsync();
        var again = async () => await writer.DisposeAsync();

        await again.Should().NotThrowAsync();
        output.ToString().Should().Be("GET /x 404 0.0 ms" + Environment.NewLine);
    }

    [Fact]
    public async Task AClosedOutput_DropsTheLinesAndKeepsAccepting()
    {
        var output = new StringWriter();
        await output.DisposeAsync();
        var writer = new RequestLogWriter(output);

        for (var i = 0; i < 100; i++)
        {
            await writer.PostAsync(new RequestLogLine("GET", "/x", null, 200, 0));
        }

        var dispose = async () => await writer.DisposeAsync();
        await dispose.Should().NotThrowAsync();
    }

    /// <summary>Completes <see cref="Written"/> with the text of the first flush.</summary>
    private sealed class SignallingWriter : StringWriter
    {
        public TaskCompletionSource<string> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task FlushAsync()
        {
            Written.TrySetResult(ToString());
            return Task.CompletedTask;
        }
    }
}
