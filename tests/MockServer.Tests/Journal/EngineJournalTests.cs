namespace ContractHarness.MockServer.Tests.Journal;

/// <summary><see cref="SuperOfficeMockEngine.Journal"/> shows what <c>GET /__admin/requests</c> shows.</summary>
public sealed class EngineJournalTests : IDisposable
{
    private readonly SuperOfficeMockEngine _engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9091/"), new SuperOfficeMockServerOptions { LogRequests = false });

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Journal_CarriesIdOperationRedactedHeadersAndBothBodies()
    {
        var body = """{"Department":"Engine"}"""u8.ToArray();
        var answer = await _engine.HandleAsync(new MockRequest("PATCH", "/api/v1/Contact/66", new Dictionary<string, string>
        {
            ["Content-Type"] = "application/merge-patch+json",
            ["Authorization"] = "Bearer secret",
            ["X-Trace"] = "t",
        }, body));
        await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Nothing/1"));

        var (missing, patched) = (_engine.Journal[0], _engine.Journal[1]);

        patched.Operation.Should().Be("PATCH Contact/{id}");
        patched.RequestHeaders.Should().Contain("Authorization", "[redacted]").And.Contain("X-Trace", "t");
        patched.RequestBody.Should().Be("""{"Department":"Engine"}""");
        patched.ResponseBody.Should().Be(System.Text.Encoding.UTF8.GetString(answer.Body)).And.Contain("http://localhost:9091/api/v1/Contact/66");
        (patched.RequestBodyTruncated, patched.ResponseBodyTruncated, patched.BodiesDropped).Should().Be((false, false, false));
        missing.Operation.Should().BeNull();
        missing.Id.Should().Be(patched.Id + 1);
        missing.Fault.Should().BeNull();
    }
}
