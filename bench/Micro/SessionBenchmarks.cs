using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// What a session costs one request, through the whole pipeline of the in-memory engine (journal and coverage
/// included, no socket): GET and JSON Patch of Contact/1 without a session (the path every request without
/// <c>X-Mock-Session</c> takes) and in a session that already exists. Only the public engine API is used, so the
/// file also builds against a mock without sessions, whose no-session rows it gives for comparison.
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks
{
    private static readonly byte[] Body = """[{"op":"replace","path":"/Department","value":"bench"}]"""u8.ToArray();
    private SuperOfficeMockEngine _engine = null!;
    private MockRequest _get = null!;
    private MockRequest _getInSession = null!;
    private MockRequest _getSeedInSession = null!;
    private MockRequest _patch = null!;
    private MockRequest _patchInSession = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = SuperOfficeMockEngine.Start(
            new Uri("http://localhost:5080/"),
            new SuperOfficeMockServerOptions { ContractsDirectory = Inputs.ContractsDirectory, LogRequests = false, JournalBodyBytes = 0 });
        var session = new Dictionary<string, string> { ["X-Mock-Session"] = "bench" };
        var json = new Dictionary<string, string> { ["Content-Type"] = "application/json-patch+json" };
        _get = new MockRequest("GET", "/api/v1/Contact/1");
        _getInSession = _get with { Headers = session };
        _getSeedInSession = _getInSession with { PathAndQuery = "/api/v1/Contact/2" };
        _patch = new MockRequest("PATCH", "/api/v1/Contact/1", json, Body);
        _patchInSession = _patch with { Headers = new Dictionary<string, string>(json) { ["X-Mock-Session"] = "bench" } };
        _engine.HandleAsync(_patchInSession).GetAwaiter().GetResult(); // the session exists, Contact/1 changed in it
        _engine.HandleAsync(_patch).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Baseline = true, Description = "GET Contact/1, no session")]
    public int Get() => _engine.HandleAsync(_get).GetAwaiter().GetResult().Body.Length;

    [Benchmark(Description = "GET Contact/1, in a session")]
    public int GetInSession() => _engine.HandleAsync(_getInSession).GetAwaiter().GetResult().Body.Length;

    [Benchmark(Description = "GET Contact/2 (unchanged in the session), in a session")]
    public int GetSeedInSession() => _engine.HandleAsync(_getSeedInSession).GetAwaiter().GetResult().Body.Length;

    [Benchmark(Description = "JSON Patch Contact/1, no session")]
    public int Patch() => _engine.HandleAsync(_patch).GetAwaiter().GetResult().StatusCode;

    [Benchmark(Description = "JSON Patch Contact/1, in a session")]
    public int PatchInSession() => _engine.HandleAsync(_patchInSession).GetAwaiter().GetResult().StatusCode;
}
