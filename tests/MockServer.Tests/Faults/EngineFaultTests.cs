using System.Text;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>The in-memory engine (what the WireMock.Net carrier calls) forces answers and applies rules as the Kestrel mock does.</summary>
public sealed class EngineFaultTests : IDisposable
{
    private readonly SuperOfficeMockEngine _engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9091/"), new SuperOfficeMockServerOptions { LogRequests = false });

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Prefer_ForcesTheDocumentedAnswer_AndChangesNothing()
    {
        var stored = await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"));

        var forced = await _engine.HandleAsync(Rename() with { Headers = Headers(("Prefer", "code=409")) });

        forced.StatusCode.Should().Be(409);
        Encoding.UTF8.GetString(forced.Body).Should().Contain("\"ErrorType\":\"Fault\"");
        var after = await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"));
        after.Body.Should().Equal(stored.Body);
        after.Headers["ETag"].Should().Be(stored.Headers["ETag"]);
    }

    [Fact]
    public async Task AbortRule_IsReportedAsAborted_WithNoAnswer_AndResetRemovesTheRule()
    {
        (await _engine.HandleAsync(new MockRequest("POST", "/__admin/faults", Headers(("Content-Type", "application/json")), """{"method":"PATCH","abort":true}"""u8.ToArray())))
            .StatusCode.Should().Be(201);

        var aborted = await _engine.HandleAsync(Rename());

        aborted.Aborted.Should().BeTrue();
        aborted.StatusCode.Should().Be(0);
        aborted.Body.Should().BeEmpty();
        _engine.Reset();
        var after = await _engine.HandleAsync(Rename());
        after.Aborted.Should().BeFalse();
        after.StatusCode.Should().Be(200);
    }

    private static MockRequest Rename() => new("PATCH", "/api/v1/Contact/66", Headers(("Content-Type", "application/json-patch+json")),
        """[{"op":"replace","path":"/Name","value":"Engine"}]"""u8.ToArray());

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
