using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContractHarness.TestSupport;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// Validation of the Contact entity against contracts/schemas/ContactEntity.schema.json: NJsonSchema from text
/// (<see cref="ContractSchemas"/>, the contract tests' validator) and the compiled walker over a
/// <see cref="JsonNode"/> (<see cref="CompiledSchemas"/>, the mock's validator on every PATCH and PUT).
/// </summary>
[MemoryDiagnoser]
public class SchemaBenchmarks
{
    private ContractSchemas _schemas = null!;
    private SchemaNode _compiled = null!;
    private string _valid = "";
    private string _invalid = "";
    private JsonObject _validNode = null!;
    private JsonObject _invalidNode = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemas = new ContractSchemas(Inputs.SchemasDirectory);
        _compiled = new CompiledSchemas(Inputs.SchemasDirectory).Get("ContactEntity");
        _validNode = Inputs.Fixture("ContactEntity");
        _valid = _validNode.ToJsonString();
        _invalidNode = Inputs.Fixture("ContactEntity");
        _invalidNode["ContactId"] = "not a number";
        _invalid = _invalidNode.ToJsonString();
        if (_schemas.Validate("ContactEntity", _valid).Count != 0 || _compiled.Validate(_validNode).Count != 0)
        {
            throw new InvalidOperationException("the Contact fixture does not validate against its schema");
        }

        if (_compiled.Validate(_invalidNode).Count == 0)
        {
            throw new InvalidOperationException("the broken Contact validates");
        }
    }

    [Benchmark(Description = "ContractSchemas.Validate (NJsonSchema, text), valid")]
    public int ValidateValid() => _schemas.Validate("ContactEntity", _valid).Count;

    [Benchmark(Description = "ContractSchemas.Validate (NJsonSchema, text), 1 error")]
    public int ValidateInvalid() => _schemas.Validate("ContactEntity", _invalid).Count;

    [Benchmark(Description = "CompiledSchemas SchemaNode.Validate (JsonNode), valid")]
    public int CompiledValid() => _compiled.Validate(_validNode).Count;

    [Benchmark(Description = "CompiledSchemas SchemaNode.Validate (JsonNode), 1 error")]
    public int CompiledInvalid() => _compiled.Validate(_invalidNode).Count;
}
