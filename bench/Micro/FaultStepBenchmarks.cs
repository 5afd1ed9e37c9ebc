using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer;
using ContractHarness.MockServer.Hosting;
using System.Text.RegularExpressions;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using Microsoft.AspNetCore.Http;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// What the fault step costs a GET of a stored Contact: the entity route called directly (the floor), through the step
/// with no latency, rules or <c>Prefer</c> (the hot path: it must match the floor, allocations included), through
/// the step with one rule that does not match (what any rule makes every request pay), and with the most rules a mock
/// holds by default (<see cref="SuperOfficeMockServerOptions.MaxFaultRules"/>) that cannot match the request: rules
/// for other entities, methods, ids and paths, which the rules' index never looks at, and rules of the same route
/// whose path pattern does not match, which it must try one by one (the worst case).
/// </summary>
[MemoryDiagnoser]
public class FaultStepBenchmarks
{
    private MockContext _mock = null!;
    private MockContext _withRule = null!;
    private MockContext _maxElsewhere = null!;
    private MockContext _maxPatterns = null!;
    private EntityEndpoints _entities = null!;
    private FaultStep _idle = null!;
    private FaultStep _armed = null!;
    private FaultStep _elsewhere = null!;
    private FaultStep _patterns = null!;
    private EntityRoute _route = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new SuperOfficeMockServerOptions { ContractsDirectory = Inputs.ContractsDirectory, LogRequests = false };
        _mock = MockLoader.Load(options);
        _withRule = MockLoader.Load(options);
        _withRule.Faults.Add(new FaultRule { EntityName = "Ticket", Entity = _withRule.Store.Models.Single(m => m.Resource == "Ticket"), Status = 503 });
        _maxElsewhere = MockLoader.Load(options);
        AddRules(_maxElsewhere, options.MaxFaultRules, (i, contact, ticket) => (i % 4) switch
        {
            0 => new FaultRule { EntityName = "Ticket", Entity = ticket, EntityId = i, Status = 503 },
            1 => new FaultRule { Method = "PATCH", EntityName = "Contact", Entity = contact, Status = 503 },
            2 => new FaultRule { EntityName = "Contact", Entity = contact, EntityId = 1000 + i, Status = 503 },
            _ => new FaultRule { Path = $"/api/v1/Contact/{1000 + i}", Status = 503 },
        });
        _maxPatterns = MockLoader.Load(options);
        AddRules(_maxPatterns, options.MaxFaultRules, (i, contact, _) => new FaultRule
        {
            EntityName = "Contact", Entity = contact, Status = 503, PathPattern = new Regex($"/Contact/{1000 + i}$", RegexOptions.CultureInvariant, FaultRule.PatternTimeout),
        });
        _elsewhere = new FaultStep(_maxElsewhere, new EntityEndpoints(_maxElsewhere));
        _patterns = new FaultStep(_maxPatterns, new EntityEndpoints(_maxPatterns));
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
        _maxElsewhere.Dispose();
        _maxPatterns.Dispose();
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

    [Benchmark(Description = "GET Contact/1: fault step, as many rules as the default limit, for other entities, methods, ids, paths")]
    public Task MaxRulesElsewhere() => _elsewhere.HandleAsync(NewContext(), _route, "1");

    [Benchmark(Description = "GET Contact/1: fault step, as many rules as the default limit, Contact rules with a pathPattern that does not match")]
    public Task MaxRulesSameRoutePatterns() => _patterns.HandleAsync(NewContext(), _route, "1");

    private static void AddRules(MockContext mock, int count, Func<int, EntityModel, EntityModel, FaultRule> rule)
    {
        var contact = mock.Store.Models.Single(m => m.Resource == "Contact");
        var ticket = mock.Store.Models.Single(m => m.Resource == "Ticket");
        for (var i = 0; i < count; i++)
        {
            if (mock.Faults.Add(rule(i, contact, ticket)) is { } refused)
            {
                throw new InvalidOperationException(refused.Message);
            }
        }
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
