using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;

namespace ContractHarness.ContractTests.Consumer;

/// <summary>What a consumer interaction does to an entity.</summary>
public enum CaseKind
{
    JsonPatch,
    MergePatch,
    MissingEntity,
    FailingTest,
    StaleIfUnmodifiedSince,
    Replace,
    NullBody,
}

/// <summary>
/// One consumer interaction: an operation of the catalog, the documented status it is about, and how the client
/// reaches it. The set of cases comes from the catalog, so a new operation gets its interactions without code.
/// </summary>
public sealed record ConsumerCase(EndpointDefinition Endpoint, CaseKind Kind, HttpStatusCode Status)
{
    /// <summary>An id no provider has (a state asks for it to be absent).</summary>
    public const int MissingId = 2000000000;

    /// <summary>An HTTP-date older than any stored entity: an update with it must be refused with 412.</summary>
    public static readonly DateTimeOffset LongAgo = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Resource => Endpoint.Resource;

    public int Id => Kind == CaseKind.MissingEntity ? MissingId : Endpoint.FixtureId;

    public string Description => Kind switch
    {
        CaseKind.JsonPatch => $"a JSON Patch that changes a {Resource}",
        CaseKind.MergePatch => $"a JSON Merge Patch that changes a {Resource}",
        CaseKind.MissingEntity => $"a JSON Patch for a {Resource} that does not exist",
        CaseKind.FailingTest => $"a JSON Patch whose test operation fails on a {Resource}",
        CaseKind.StaleIfUnmodifiedSince => $"a {Endpoint.Method} of a {Resource} with a stale If-Unmodified-Since",
        CaseKind.Replace => $"a {Endpoint.Method} that replaces a {Resource}",
        CaseKind.NullBody => $"a {Endpoint.Method} of a {Resource} without an entity in the body",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>The provider state: the entity exists, or (for 404) does not; the id travels as a parameter.</summary>
    public string ProviderState => Kind == CaseKind.MissingEntity ? $"{Resource} does not exist" : $"{Resource} exists";

    /// <summary>The value a successful update writes into <see cref="ConsumerCases.FieldOf"/>.</summary>
    public string NewValue => $"Changed by {Kind} contract";

    public override string ToString() => Description;

    public JsonObject ProviderStateParams => new() { ["id"] = Id };
}
