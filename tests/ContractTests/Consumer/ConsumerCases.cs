using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.ContractTests.Support;

namespace ContractHarness.ContractTests.Consumer;

/// <summary>The consumer contract: one case per documented status of every catalog operation.</summary>
public static class ConsumerCases
{
    private static readonly ConcurrentDictionary<string, string> Fields = new(StringComparer.Ordinal);

    private static readonly Lazy<EndpointCatalog> LazyCatalog = new(() => EndpointCatalog.Load(RepoPaths.Contracts));

    public static EndpointCatalog Catalog => LazyCatalog.Value;

    public static IReadOnlyList<ConsumerCase> All { get; } = [.. Catalog.Endpoints.SelectMany(CasesOf)];

    public static TheoryData<string> Descriptions => [.. All.Select(c => c.Description)];

    public static ConsumerCase Named(string description) => All.Single(c => c.Description == description);

    /// <summary>
    /// The field the consumer changes: the entity's first nullable string property (Name, Attention, Title,
    /// Comment ...), read from its schema.
    /// </summary>
    public static string FieldOf(EndpointDefinition endpoint) => Fields.GetOrAdd(endpoint.Schema, _ => FirstNullableString(endpoint));

    private static string FirstNullableString(EndpointDefinition endpoint)
    {
        var properties = JsonNode.Parse(File.ReadAllText(Catalog.PathOf(endpoint.Schema)))!["properties"]!.AsObject();
        return properties.First(p => p.Value?["type"] is JsonArray types && types.Select(t => t!.GetValue<string>()).SequenceEqual(["string", "null"])).Key;
    }

    /// <summary>The page's sample entity, as stored in contracts/fixtures.</summary>
    public static JsonObject Fixture(EndpointDefinition endpoint) =>
        JsonNode.Parse(File.ReadAllText(Catalog.PathOf(endpoint.Fixture)))!.AsObject();

    private static IEnumerable<ConsumerCase> CasesOf(EndpointDefinition endpoint)
    {
        var patch = endpoint.RequestBody.Kind == RequestBodyKind.Patch;
        foreach (var status in endpoint.Responses.Select(r => (HttpStatusCode)r.Status))
        {
            switch (status)
            {
                case HttpStatusCode.OK when patch:
                    yield return new ConsumerCase(endpoint, CaseKind.JsonPatch, status);
                    yield return new ConsumerCase(endpoint, CaseKind.MergePatch, status);
                    break;
                case HttpStatusCode.OK:
                    yield return new ConsumerCase(endpoint, CaseKind.Replace, status);
                    break;
                case HttpStatusCode.NotFound:
                    yield return new ConsumerCase(endpoint, CaseKind.MissingEntity, status);
                    break;
                case HttpStatusCode.Conflict:
                    yield return new ConsumerCase(endpoint, CaseKind.FailingTest, status);
                    break;
                case HttpStatusCode.PreconditionFailed:
                    yield return new ConsumerCase(endpoint, CaseKind.StaleIfUnmodifiedSince, status);
                    break;
                case HttpStatusCode.BadRequest when !patch:
                    yield return new ConsumerCase(endpoint, CaseKind.NullBody, status);
                    break;
                default:
                    throw new NotSupportedException($"{endpoint.Title}: no consumer case for documented status {(int)status}.");
            }
        }
    }
}
