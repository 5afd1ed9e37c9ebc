using System.Text;
using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Proxy;
using ContractHarness.MockServer.Proxy.Checks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// What <c>--proxy</c> spends on the contract per exchange, apart from the network: the check of a tenant's 200 answer
/// of a Contact (parse, the whole schema, key, headers) and of a JSON Patch request (authorization, body, each
/// operation's path and value).
/// </summary>
[MemoryDiagnoser]
public class ProxyCheckBenchmarks
{
    private OperationContract _get = null!;
    private OperationContract _patch = null!;
    private TenantAnswer _answer = null!;
    private HttpRequest _request = null!;
    private byte[] _patchBody = [];

    [GlobalSetup]
    public void Setup()
    {
        var mock = MockLoader.Load(new SuperOfficeMockServerOptions { ContractsDirectory = Inputs.ContractsDirectory, LogRequests = false });
        var contact = mock.Store.Models.Single(m => m.Resource == "Contact");
        var operations = new ContractOperations(mock.Store.Models, Path.Combine(Inputs.ContractsDirectory, "openapi.json"));
        (_get, _patch) = (operations.For(contact, "GET"), operations.For(contact, "PATCH"));
        var entity = mock.Store.Get(contact, 1)!;
        var body = entity.ToJsonObject();
        body["_Links"] = null;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        _answer = new TenantAnswer(200, "OK",
        [
            new("Content-Type", "application/json; charset=utf-8"), new("ETag", "\"1\""), new("Last-Modified", entity.LastModified), new("Cache-Control", "no-cache"),
        ], bytes, bytes);
        var context = new DefaultHttpContext();
        context.Request.Method = "PATCH";
        context.Request.Headers.Authorization = "Bearer bench";
        context.Request.ContentType = "application/json-patch+json";
        _request = context.Request;
        _patchBody = """[{"op":"replace","path":"/Department","value":"Sales"},{"op":"replace","path":"/Associate/Type","value":"InternalAssociate"}]"""u8.ToArray();
        var violations = new List<ContractViolation>();
        ResponseCheck.Check(_get, isHead: false, selected: false, 1, _answer, violations);
        RequestCheck.Check(_patch, _request, "1", _patchBody, violations);
        if (violations.Count != 0)
        {
            throw new InvalidOperationException("the inputs break the contract: " + string.Join("; ", violations));
        }
    }

    [Benchmark(Description = "ResponseCheck: a Contact 200 (parse, schema, key, headers)")]
    public int Response()
    {
        var violations = new List<ContractViolation>();
        ResponseCheck.Check(_get, isHead: false, selected: false, 1, _answer, violations);
        return violations.Count;
    }

    [Benchmark(Description = "of which: StoredEntityJson.ParseValue of the Contact")]
    public int Parse() => StoredEntityJson.ParseValue(_answer.Content)!.AsObject().Count;

    [Benchmark(Description = "of which: parse + SchemaNode.Validate of the Contact")]
    public int ParseAndValidate() => _get.Model.Schema.Validate(StoredEntityJson.ParseValue(_answer.Content)).Count;

    [Benchmark(Description = "RequestCheck: a JSON Patch of two operations")]
    public int Request()
    {
        var violations = new List<ContractViolation>();
        RequestCheck.Check(_patch, _request, "1", _patchBody, violations);
        return violations.Count;
    }
}
