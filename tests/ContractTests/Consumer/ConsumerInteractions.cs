using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.ContractTests.Client;
using ContractHarness.Pact;
using ContractHarness.Pact.Matchers;
using ContractHarness.Pact.Schema;
using PactFactory = ContractHarness.Pact.Pact;

namespace ContractHarness.ContractTests.Consumer;

/// <summary>
/// Describes each <see cref="ConsumerCase"/> as a Pact interaction and drives <see cref="SuperOfficeClient"/>
/// through it. Ids in paths come from the provider state (<c>${id}</c>), so the pact verifies against any provider
/// that can arrange the state, whatever its data; entity bodies are matched by the types of the entity schema.
/// </summary>
public static class ConsumerInteractions
{
    public const string ConsumerName = "SuperOfficeWebClient";
    public const string ProviderName = "SuperOfficeWebApi";
    public const string PactFileName = $"{ConsumerName}-{ProviderName}.json";
    public const string AuthorizationPattern = "^(Basic|Bearer|SoTicket) .+$";

    /// <summary>
    /// Access-rights metadata the client does not read: a tenant answers it per user (rights may be null or set),
    /// so the contract states nothing about it.
    /// </summary>
    public static readonly ISet<string> IgnoredProperties = new HashSet<string>(StringComparer.Ordinal) { "TableRight", "FieldProperties" };

    public static IPactBuilderV4 NewPact(string pactDir) =>
        PactFactory.V4(ConsumerName, ProviderName, new PactConfig { PactDir = pactDir, LogLevel = PactLogLevel.Warn }).WithHttpInteractions();

    /// <summary>Runs one case against the engine's mock server; the interaction is merged into the pact in <paramref name="pactDir"/>.</summary>
    public static Task RunAsync(ConsumerCase @case, string pactDir)
    {
        var pact = NewPact(pactDir);
        Describe(pact, @case);
        return pact.VerifyAsync(async context =>
        {
            using var http = new HttpClient { BaseAddress = context.MockServerUri };
            await ExerciseAsync(@case, new SuperOfficeClient(http));
        });
    }

    /// <summary>Runs every case in order and returns the pact file written to <paramref name="pactDir"/>.</summary>
    public static async Task<string> WriteAllAsync(string pactDir)
    {
        foreach (var @case in ConsumerCases.All)
        {
            await RunAsync(@case, pactDir);
        }

        return Path.Combine(pactDir, PactFileName);
    }

    public static void Describe(IPactBuilderV4 pact, ConsumerCase @case)
    {
        var endpoint = @case.Endpoint;
        var request = pact.UponReceiving(@case.Description)
            .Given(@case.ProviderState, @case.ProviderStateParams)
            .WithRequest(MethodOf(@case), Match.FromProviderState(endpoint.Route.Replace("{id}", "${id}", StringComparison.Ordinal), PathOf(@case)))
            .WithHeader("Authorization", Match.Regex(SuperOfficeClient.DefaultAuthorization, AuthorizationPattern))
            .WithHeader("Accept", "application/json");
        if (@case.Kind == CaseKind.StaleIfUnmodifiedSince)
        {
            request = request.WithHeader("If-Unmodified-Since", ConsumerCase.LongAgo.ToString("R", CultureInfo.InvariantCulture));
        }

        request = @case.Kind switch
        {
            CaseKind.MergePatch => request.WithJsonBody(new JsonObject { [ConsumerCases.FieldOf(endpoint)] = @case.NewValue }, SuperOfficeClient.MergePatchMediaType),
            CaseKind.NullBody => request.WithBody("null", "application/json"),
            _ when endpoint.RequestBody.Kind == RequestBodyKind.Entity => request.WithJsonBody(ReplacementEntity(@case), "application/json"),
            _ => request.WithJsonBody(new JsonArray([.. PatchOf(@case).Select(o => (JsonNode)o.ToJson())]), SuperOfficeClient.JsonPatchMediaType),
        };

        request.WillRespond()
            .WithStatus(@case.Status)
            .WithHeader("Content-Type", Match.Regex("application/json; charset=utf-8", @"application/json(;\s*charset=utf-8)?"))
            .WithJsonBody(@case.Status == HttpStatusCode.OK ? EntityBody(@case) : ErrorBody(@case));
    }

    /// <summary>What the consumer does, and what it relies on in the answer.</summary>
    public static async Task ExerciseAsync(ConsumerCase @case, SuperOfficeClient client)
    {
        var endpoint = @case.Endpoint;
        var options = @case.Kind == CaseKind.StaleIfUnmodifiedSince ? new UpdateOptions { IfUnmodifiedSince = ConsumerCase.LongAgo } : null;
        var result = @case.Kind switch
        {
            CaseKind.MergePatch => await client.MergePatchAsync(@case.Resource, @case.Id, new JsonObject { [ConsumerCases.FieldOf(endpoint)] = @case.NewValue }, options),
            CaseKind.NullBody => await client.PutAsync(@case.Resource, @case.Id, entity: null, options),
            _ when endpoint.RequestBody.Kind == RequestBodyKind.Entity => await client.PutAsync(@case.Resource, @case.Id, ReplacementEntity(@case), options),
            _ => await client.PatchAsync(@case.Resource, @case.Id, PatchOf(@case), options),
        };

        result.Status.Should().Be(@case.Status, result.Body?.ToJsonString());
        if (@case.Status == HttpStatusCode.OK)
        {
            result.Body![ConsumerCases.FieldOf(endpoint)]!.GetValue<string>().Should().Be(@case.NewValue);
            result.Body[endpoint.PrimaryKey]!.GetValue<int>().Should().Be(@case.Id);
        }
        else
        {
            result.ErrorMessage.Should().NotBeNullOrEmpty();
        }
    }

    private static HttpMethod MethodOf(ConsumerCase @case) =>
        @case.Endpoint.RequestBody.Kind == RequestBodyKind.Entity ? new HttpMethod(@case.Endpoint.Method) : HttpMethod.Patch;

    private static string PathOf(ConsumerCase @case) =>
        @case.Endpoint.Route.Replace("{id}", @case.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static IReadOnlyList<PatchOperation> PatchOf(ConsumerCase @case)
    {
        var field = "/" + ConsumerCases.FieldOf(@case.Endpoint);
        var replace = PatchOperation.Replace(field, @case.NewValue);
        return @case.Kind == CaseKind.FailingTest
            ? [PatchOperation.Test(field, "a value the entity does not have"), replace]
            : [replace];
    }

    /// <summary>The page's sample entity with the changed field, as a client would send it back (without <c>_Links</c>).</summary>
    private static JsonObject ReplacementEntity(ConsumerCase @case)
    {
        var entity = ConsumerCases.Fixture(@case.Endpoint);
        entity.Remove("_Links");
        entity[ConsumerCases.FieldOf(@case.Endpoint)] = @case.NewValue;
        return entity;
    }

    /// <summary>The updated entity, matched by the types of its schema, with the changed field pinned.</summary>
    private static JsonNode EntityBody(ConsumerCase @case)
    {
        var endpoint = @case.Endpoint;
        var field = ConsumerCases.FieldOf(endpoint);
        var example = ConsumerCases.Fixture(endpoint);
        example[field] = @case.NewValue;
        return SchemaMatchers.FromSchemaFile(ConsumerCases.Catalog.PathOf(endpoint.Schema), example, new SchemaMatcherOptions
        {
            OmitNullProperties = true,
            IgnoredProperties = IgnoredProperties,
            Overrides = new Dictionary<string, object?> { [field] = @case.NewValue },
        })!;
    }

    private static JsonObject ErrorBody(ConsumerCase @case) => new()
    {
        ["Error"] = Match.Equality(true).ToJsonNode(),
        ["ErrorType"] = Match.Type("SoException").ToJsonNode(),
        ["ErrorMessage"] = Match.Type($"{@case.Resource} {@case.Id}: {@case.Status}").ToJsonNode(),
    };
}
