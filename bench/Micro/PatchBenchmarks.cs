using System.Text.Json.Nodes;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// JSON Patch (RFC 6902) on the Contact fixture: parsing a request body, applying it (which deep-clones the stored
/// entity first, for atomicity), and the two together as a PATCH request does them.
/// </summary>
[MemoryDiagnoser]
public class PatchBenchmarks
{
    private byte[] _replaceBody = [];
    private byte[] _fiveOpsBody = [];
    private byte[] _failingTestBody = [];
    private JsonObject _contact = null!;
    private JsonPatchDocument _replace = null!;
    private JsonPatchDocument _fiveOps = null!;

    [GlobalSetup]
    public void Setup()
    {
        _contact = Inputs.Fixture("ContactEntity");
        _replaceBody = """[{"op":"replace","path":"/Department","value":"bench-department-1"}]"""u8.ToArray();
        _fiveOpsBody = Encoding.UTF8.GetBytes("""
            [
              {"op":"test","path":"/Name","value":"Schuster-Reichel"},
              {"op":"replace","path":"/Department","value":"Sales"},
              {"op":"replace","path":"/Number1","value":"42"},
              {"op":"add","path":"/Emails/-","value":{"Value":"a@example.com","Description":"bench"}},
              {"op":"remove","path":"/Emails/0"}
            ]
            """);
        _failingTestBody = """[{"op":"test","path":"/Name","value":"nope"}]"""u8.ToArray();
        _replace = JsonPatchDocument.Parse(_replaceBody);
        _fiveOps = JsonPatchDocument.Parse(_fiveOpsBody);
    }

    [Benchmark(Description = "Parse 1 replace (bytes)")]
    public object ParseReplace() => JsonPatchDocument.Parse(_replaceBody); // object: the engine's types are internal

    [Benchmark(Description = "Parse 5 ops (bytes)")]
    public object ParseFiveOps() => JsonPatchDocument.Parse(_fiveOpsBody); // object: the engine's types are internal

    [Benchmark(Description = "ApplyTo Contact, 1 replace")]
    public JsonNode? ApplyReplace() => _replace.ApplyTo(_contact);

    [Benchmark(Description = "ApplyTo Contact, 5 ops")]
    public JsonNode? ApplyFiveOps() => _fiveOps.ApplyTo(_contact);

    [Benchmark(Description = "Parse + ApplyTo, 1 replace")]
    public JsonNode? ParseAndApply() => JsonPatchDocument.Parse(_replaceBody).ApplyTo(_contact);

    [Benchmark(Description = "Parse + ApplyTo, failing test (409 path)")]
    public bool ParseAndApplyFailingTest()
    {
        try
        {
            JsonPatchDocument.Parse(_failingTestBody).ApplyTo(_contact);
            return true;
        }
        catch (JsonPatchException)
        {
            return false;
        }
    }

    [Benchmark(Description = "DeepClone Contact (the atomic copy)")]
    public JsonNode CloneContact() => _contact.DeepClone();
}
