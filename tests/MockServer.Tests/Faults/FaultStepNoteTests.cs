using System.Text;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using Microsoft.AspNetCore.Http;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary>
/// What the fault step leaves for the journal in <c>HttpContext.Items["contractharness.fault"]</c>: one short
/// description per applied effect, and nothing at all (not even the items dictionary's entry) when none applied.
/// </summary>
public sealed class FaultStepNoteTests : IDisposable
{
    private readonly MockContext _mock = MockLoader.Load(new SuperOfficeMockServerOptions { LogRequests = false, Latency = null });
    private readonly RequestDelegate _pipeline;

    public FaultStepNoteTests() => _pipeline = MockPipeline.Build(_mock);

    public void Dispose() => _mock.Dispose();

    [Fact]
    public void TheKey_IsTheAgreedOne() => FaultNote.ItemKey.Should().Be("contractharness.fault");

    [Fact]
    public async Task NothingApplied_LeavesNoNote()
    {
        var context = await SendAsync("GET", "/api/v1/Contact/66");

        context.Response.StatusCode.Should().Be(200);
        context.Items.Should().NotContainKey(FaultNote.ItemKey);
    }

    [Theory]
    [InlineData("""{"status":503}""", "status 503", 503)]
    [InlineData("""{"delayMs":0}""", "delay 0 ms", 200)]
    [InlineData("""{"abort":true}""", "abort", 200)]
    [InlineData("""{"delayMs":0,"status":500}""", "delay 0 ms, status 500", 500)]
    public async Task AppliedRule_IsNotedWithItsId(string rule, string effect, int status)
    {
        var id = (await AddRuleAsync(rule))!;

        var context = await SendAsync("GET", "/api/v1/Contact/66");

        context.Items[FaultNote.ItemKey].Should().Be($"{id}: {effect}");
        context.Response.StatusCode.Should().Be(status);
    }

    [Theory]
    [InlineData("code=409", "Prefer: code=409")]
    [InlineData("delay=0", "Prefer: delay=0")]
    [InlineData("delay=0; code=200", "Prefer: delay=0; Prefer: code=200")]
    public async Task Preference_IsNoted(string prefer, string note)
    {
        var context = await SendAsync("PATCH", "/api/v1/Contact/66", ("Prefer", prefer), ("Content-Type", "application/json-patch+json"));

        context.Items[FaultNote.ItemKey].Should().Be(note);
    }

    [Fact]
    public async Task Latency_IsNotedBeforeTheRest()
    {
        using var mock = MockLoader.Load(new SuperOfficeMockServerOptions { LogRequests = false, Latency = TimeSpan.FromMilliseconds(1) });
        var context = NewContext("GET", "/api/v1/Contact/66", ("Prefer", "code=503"));

        await MockPipeline.Build(mock)(context);

        context.Items[FaultNote.ItemKey].Should().Be("latency 1 ms; Prefer: code=503");
    }

    private async Task<string?> AddRuleAsync(string json)
    {
        var context = NewContext("POST", "/__admin/faults", ("Content-Type", "application/json"));
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await _pipeline(context);
        context.Response.StatusCode.Should().Be(201);
        return _mock.Faults.All[^1].Id;
    }

    private async Task<HttpContext> SendAsync(string method, string path, params (string Name, string Value)[] headers)
    {
        var context = NewContext(method, path, headers);
        await _pipeline(context);
        return context;
    }

    private static DefaultHttpContext NewContext(string method, string path, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Host = new HostString("localhost");
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }
}
