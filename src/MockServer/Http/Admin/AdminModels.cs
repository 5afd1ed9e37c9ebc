using System.Text.Json.Serialization;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// Answer of <c>GET /__admin/health</c>: <c>Healthy</c>, or <c>Degraded</c> with the reason and since when while the data
/// folder refuses updates (reads still work).
/// </summary>
internal sealed record HealthModel(
    string Status,
    string? Reason,
    DateTimeOffset? DegradedSince,
    double? DegradedSeconds,
    int Seed,
    int EntityCount,
    bool RequireAuth,
    bool Persistent,
    StorageModel? Storage,
    IReadOnlyList<EndpointModel> Endpoints);

/// <summary>The data folder in <see cref="HealthModel"/>: its file, whether updates are stored, and while not, the failed tries and the next one.</summary>
internal sealed record StorageModel(string File, bool Storing, string? Cause, int FailedTries, DateTimeOffset? NextTry);

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
    /// <summary>With <c>--proxy</c>: every way the request and the tenant's answer break the contract (absent for requests the mock answered itself).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ViolationModel>? Violations { get; init; }

    /// <summary>The session the request named (<c>X-Mock-Session</c> or the <c>mock-session</c> cookie); null for the default world.</summary>
    public string? Session { get; init; }

    /// <summary>Every schema error of a refused update; null for an answer that is not one (or whose bodies the budget dropped).</summary>
    public IReadOnlyList<SchemaErrorModel>? Errors { get; init; }
}

/// <summary>One contract violation of a proxied exchange: <c>request</c> or <c>response</c>, where, and what.</summary>
internal sealed record ViolationModel(string Side, string Path, string Message);

/// <summary>Answer of <c>GET /__admin/violations</c>: the exchanges checked and the violations seen, per operation, side and path.</summary>
internal sealed record ViolationSummaryModel(long Exchanges, long ExchangesWithViolations, long Violations, long Untracked, IReadOnlyList<ViolationCountModel> Paths);

/// <summary>One line of <see cref="ViolationSummaryModel"/>: how often, the last message and when it was last seen.</summary>
internal sealed record ViolationCountModel(string Operation, string Side, string Path, long Count, string LastMessage, DateTimeOffset LastSeen);

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
[JsonSerializable(typeof(ViolationSummaryModel))]
[JsonSerializable(typeof(SessionListModel))]
[JsonSerializable(typeof(CoverageModel))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
