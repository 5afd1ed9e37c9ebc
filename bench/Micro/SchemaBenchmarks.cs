using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Bench.Micro;

/// <summary>Validation of the Contact entity against contracts/schemas/ContactEntity.schema.json.</summary>
[MemoryDiagnoser]
public class SchemaBenchmarks
{
    private ContractSchemas _schemas = null!;
    private string _valid = "";
    private string _invalid = "";

    [GlobalSetup]
    public void Setup()
    {
        _schemas = new ContractSchemas(Inputs.SchemasDirectory);
        var contact = Inputs.Fixture("ContactEntity");
        _valid = contact.ToJsonString();
        contact["ContactId"] = "not a number";
        _invalid = contact.ToJsonString();
        if (_schemas.Validate("ContactEntity", _valid).Count != 0)
        {
            throw new InvalidOperationException("the Contact fixture does not validate against its schema");
        }
    }

    [Benchmark(Description = "ContractSchemas.Validate Contact (valid)")]
    public int ValidateValid() => _schemas.Validate("ContactEntity", _valid).Count;

    [Benchmark(Description = "ContractSchemas.Validate Contact (1 error)")]
    public int ValidateInvalid() => _schemas.Validate("ContactEntity", _invalid).Count;
}
