using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace ContractHarness.Bench.Micro;

/// <summary>Writing the Contact entity as a response body, and reading it back as a stored node.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private JsonObject _contact = null!;
    private byte[] _bytes = [];
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Inputs.FixtureBytes("ContactEntity");
        _contact = JsonNode.Parse(_bytes)!.AsObject();
        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Description = "JsonNode.ToJsonString Contact")]
    public string ToJsonString() => _contact.ToJsonString();

    [Benchmark(Description = "JsonNode.WriteTo reused Utf8JsonWriter")]
    public int WriteToReusedWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _contact.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "JsonSerializer.SerializeToUtf8Bytes(JsonNode)")]
    public byte[] SerializeToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes<JsonNode>(_contact, JsonNodeContext.Default.JsonNode);

    [Benchmark(Description = "JsonNode.Parse Contact bytes")]
    public JsonNode? Parse() => JsonNode.Parse(_bytes);
}
