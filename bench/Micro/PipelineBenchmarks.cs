using System.Buffers;
using System.Text.Json.Nodes;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.Bench.Micro;

/// <summary>
/// The public steps of one stateful JSON Patch PATCH, chained as the mock chains them: parse the stored bytes,
/// parse the body, apply, validate the whole entity, serialize it back to stored bytes. (The mock's own shaping
/// step, EntityShape.Normalize, is internal and not reachable from here; the load harness measures it.)
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private byte[] _stored = [];
    private byte[] _body = [];
    private SchemaNode _schema = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stored = JsonSerializer.SerializeToUtf8Bytes<JsonNode>(Inputs.Fixture("ContactEntity"), JsonNodeContext.Default.JsonNode);
        _body = """[{"op":"replace","path":"/Department","value":"bench-department-1"}]"""u8.ToArray();
        _schema = new CompiledSchemas(Inputs.SchemasDirectory).Get("ContactEntity");
    }

    [Benchmark(Description = "stored bytes → JsonNode (parse + materialize)")]
    public int ParseStored()
    {
        var node = JsonNode.Parse(_stored)!.AsObject();
        return node.Count;
    }

    [Benchmark(Description = "PATCH: parse stored + parse body + apply + validate + serialize")]
    public int Patch()
    {
        var document = JsonNode.Parse(_stored);
        var patched = JsonPatchDocument.Parse(_body).ApplyTo(document)!;
        if (_schema.Validate(patched).Count != 0)
        {
            throw new InvalidOperationException("invalid");
        }

        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        patched.WriteTo(writer);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "PATCH without validation (parse + apply + serialize)")]
    public int PatchWithoutValidation()
    {
        var document = JsonNode.Parse(_stored);
        var patched = JsonPatchDocument.Parse(_body).ApplyTo(document)!;
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        patched.WriteTo(writer);
        writer.Flush();
        return _buffer.WrittenCount;
    }
}
