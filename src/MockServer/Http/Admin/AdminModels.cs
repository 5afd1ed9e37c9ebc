using System.Buffers;
using System.Text.Json.Serialization;
using System.Text.Json;
using ContractHarness.MockServer.Operations;


namespace ContractHarness.MockServer.Http.Admin;

/// <summary>Answer of <c>GET /__admin/health</c>.</summary>
internal sealed record HealthModel(string Status, int Seed, int EntityCount, bool RequireAuth, bool Persistent, IReadOnlyList<EndpointModel> Endpoints)
{
    /// <summary>The same bytes as <see cref="AdminJsonContext"/> writes, through a <see cref="Utf8JsonWriter"/> alone.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", Status);
            json.WriteNumber("seed", Seed);
            json.WriteNumber("entityCount", EntityCount);
            json.WriteBoolean("requireAuth", RequireAuth);
            json.WriteBoolean("persistent", Persistent);
            json.WriteStartArray("endpoints");
            foreach (var endpoint in Endpoints)
            {
                json.WriteStartObject();
                json.WriteString("route", endpoint.Route);
                json.WriteString("entity", endpoint.Entity);
                json.WriteString("primaryKey", endpoint.PrimaryKey);
                json.WriteStartArray("methods");
                foreach (var method in endpoint.Methods)
                {
                    json.WriteStringValue(method);
                }

                json.WriteEndArray();
                json.WriteNumber("count", endpoint.Count);
                json.WriteNumber("sampleId", endpoint.SampleId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>One mocked route in <see cref="HealthModel"/>.</summary>
internal sealed record EndpointModel(string Route, string Entity, string PrimaryKey, IReadOnlyList<string> Methods, int Count, int SampleId);

/// <summary>Answer of <c>POST /__admin/reset</c>.</summary>
internal sealed record ResetModel(bool Reset, IReadOnlyDictionary<string, int> Counts);

/// <summary>Answer of <c>GET /__admin/requests</c>: newest first.</summary>
internal sealed record JournalModel(int Capacity, long Total, IReadOnlyList<RequestModel> Requests);

/// <summary>One entry of <see cref="JournalModel"/>.</summary>
internal sealed record RequestModel(DateTimeOffset Time, string Method, string Path, int Status, double Milliseconds);

/// <summary>The states <c>GET /__admin/provider-states</c> lists.</summary>
internal sealed record ProviderStatesModel(IReadOnlyList<string> States, IReadOnlyList<string> Resources);

/// <summary>Answer of <c>GET /__admin</c>: the admin operations.</summary>
internal sealed record AdminIndexModel(IReadOnlyList<string> Operations);

/// <summary>Source-generated JSON of the admin models (no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, WriteIndented = true)]
[JsonSerializable(typeof(AdminIndexModel))]
[JsonSerializable(typeof(HealthModel))]
[JsonSerializable(typeof(ResetModel))]
[JsonSerializable(typeof(JournalModel))]
[JsonSerializable(typeof(ProviderStateRequestModel))]
[JsonSerializable(typeof(ProviderStatesModel))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
