using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ContractHarness.Bench.Micro;

/// <summary>Source-generated metadata, so serialization benchmarks measure no reflection.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
