using System.Text.Json.Serialization;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>Answer of <c>GET /__admin/health</c>.</summary>
internal sealed record HealthModel(string Status, int Seed, int EntityCount, bool RequireAuth, bool Persistent, IReadOnlyList<EndpointModel> Endpoints);

/// <summary>One mocked route in <see cref="HealthModel"/>.</summary>
internal sealed record EndpointModel(string Route, string Entity, string PrimaryKey, IReadOnlyList<string> Methods, int Count, int SampleId);

/// <summary>Answer of <c>POST /__admin/reset</c>: the counts of the world reset.</summary>
internal sealed record ResetModel(bool Reset, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>The session reset; null for the default world.</summary>
    public string? Session { get; init; }
}

/// <summary>Answer of <c>GET /__admin/requests</c>: newest first.</summary>
internal sealed record JournalModel(int Capacity, long Total, IReadOnlyList<RequestModel> Requests);

/// <summary>One entry of <see cref="JournalModel"/>: bodies as text (null for none), credentials in the headers redacted.</summary>
internal sealed record RequestModel(
    long Id,
    DateTimeOffset Time,
    string Method,
    string Path,
    int Status,
    double Milliseconds,
    string? Operation,
    string? Fault,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestBody,
    bool RequestBodyTruncated,
    string? ResponseBody,
    bool ResponseBodyTruncated,
    bool BodiesDropped)
{
    /// <summary>The session the request named (<c>X-Mock-Session</c> or the <c>mock-session</c> cookie); null for the default world.</summary>
    public string? Session { get; init; }

    /// <summary>Every schema error of a refused update; null for an answer that is not one (or whose bodies the budget dropped).</summary>
    public IReadOnlyList<SchemaErrorModel>? Errors { get; init; }
}

/// <summary>One schema error of a refused update in <see cref="RequestModel.Errors"/>: where (a JSON Pointer into the entity), which rule and what.</summary>
internal sealed record SchemaErrorModel(string Path, string Kind, string Message);

/// <summary>Answer of <c>GET /__admin/requests/count</c>.</summary>
internal sealed record JournalCountModel(int Count);

/// <summary>The states <c>GET /__admin/provider-states</c> lists.</summary>
internal sealed record ProviderStatesModel(IReadOnlyList<string> States, IReadOnlyList<string> Resources);

/// <summary>Answer of <c>GET /__admin</c>: the admin operations.</summary>
internal sealed record AdminIndexModel(IReadOnlyList<string> Operations);

/// <summary>Source-generated JSON of the admin models (no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, WriteIndented = true)]
[JsonSerializable(typeof(AdminIndexModel))]
[JsonSerializable(typeof(FaultModel))]
[JsonSerializable(typeof(FaultListModel))]
[JsonSerializable(typeof(HealthModel))]
[JsonSerializable(typeof(ResetModel))]
[JsonSerializable(typeof(JournalModel))]
[JsonSerializable(typeof(JournalCountModel))]
[JsonSerializable(typeof(ProviderStateRequestModel))]
[JsonSerializable(typeof(ProviderStatesModel))]
[JsonSerializable(typeof(SessionListModel))]
[JsonSerializable(typeof(CoverageModel))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
