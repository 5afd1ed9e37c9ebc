using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Operations;
using Microsoft.AspNetCore.Http;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// What the fault step costs a GET of a stored Contact: the entity route called directly (the floor), through the step
/// with no latency, rules or <c>Prefer</c> (the hot path: it must match the floor, allocations included), and through
/// the step with one rule that does not match (what any rule makes every request pay).
/// </summary>
[MemoryDiagnoser]
public class FaultStepBenchmarks
{
    private MockContext _mock = null!;
    private MockContext _withRule = null!;
    private EntityEndpoints _entities = null!;
    private FaultStep _idle = null!;
    private FaultStep _armed = null!;
    private EntityRoute _route = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new SuperOfficeMockServerOptions { ContractsDirectory = Inputs.ContractsDirectory, LogRequests = false };
        _mock = MockLoader.Load(options);
        _withRule = MockLoader.Load(options);
        _withRule.Faults.Add(new FaultRule { EntityName = "Ticket", Entity = _withRule.Store.Models.Single(m => m.Resource == "Ticket"), Status = 503 });
        _entities = new EntityEndpoints(_mock);
        _idle = new FaultStep(_mock, _entities);
        _armed = new FaultStep(_withRule, new EntityEndpoints(_withRule));
        _mock.Routes.TryMatch("/api/v1/Contact/1", out _route, out _);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _mock.Dispose();
        _withRule.Dispose();
    }

    [Benchmark(Baseline = true, Description = "GET Contact/1: entity route alone")]
    public Task Direct() => _entities.HandleAsync(NewContext(), _route, "1", _mock.Store);

    [Benchmark(Description = "GET Contact/1: through the fault step, nothing set")]
    public Task Idle() => _idle.HandleAsync(NewContext(), _route, "1", _mock.Store);

    [Benchmark(Description = "GET Contact/1: through the fault step, one rule for Ticket")]
    public Task OneRuleElsewhere()
    {
        _withRule.Routes.TryMatch("/api/v1/Contact/1", out var route, out _);
        return _armed.HandleAsync(NewContext(), route, "1", _withRule.Store);
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/v1/Contact/1";
        context.Request.Host = new HostString("localhost");
        context.Response.Body = Stream.Null;
        return context;
    }
}
