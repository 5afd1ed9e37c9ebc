using System.Text.Json.Nodes;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// A stored fault rule as <c>/__admin/faults</c> answers it: what was posted, plus its <c>id</c>, <c>applied</c> and
/// <c>remaining</c>. The rule's own name takes <c>id</c>, so the entity id it matches (posted as <c>id</c> or
/// <c>entityId</c>) answers as <c>entityId</c>. <c>delayMs</c> is a number or <c>{"min", "max"}</c>, as given.
/// </summary>
internal sealed record FaultModel(
    string Id,
    string? Method,
    string? Path,
    string? PathPattern,
    string? Entity,
    int? EntityId,
    int? Status,
    JsonNode? DelayMs,
    bool Abort,
    int? Times,
    double? Probability,
    long Applied,
    long? Remaining)
{
    public static FaultModel Of(FaultRule rule) => new(
        rule.Id, rule.Method, rule.Path, rule.PathPattern?.ToString(), rule.EntityName, rule.EntityId, rule.Status,
        rule.Delay is not { } delay ? null : delay.IsRange ? new JsonObject { ["min"] = delay.MinMs, ["max"] = delay.MaxMs } : JsonValue.Create(delay.MinMs),
        rule.Abort, rule.Times, rule.Probability, rule.Applied, rule.Remaining);
}

/// <summary>Answer of <c>GET /__admin/faults</c>: the rules in force, oldest first.</summary>
internal sealed record FaultListModel(IReadOnlyList<FaultModel> Faults);
