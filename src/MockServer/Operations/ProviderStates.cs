using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// Provider states for Pact verification (<c>POST /__admin/provider-states</c>), named after any route's resource or
/// entity (<c>Contact</c> or <c>ContactEntity</c>, case-insensitive; an article such as "a" is allowed):
/// <list type="bullet">
/// <item><c>Contact 66 exists</c>: entity 66 is put back to its seed version (generated, or the page's sample);</item>
/// <item><c>Contact 2000000000 does not exist</c>: the id is deleted;</item>
/// <item><c>Contact 66 was updated at 2020-01-01T00:00:00</c>: the seed version with that last-update stamp (ISO 8601
/// or HTTP-date, UTC when no offset);</item>
/// <item><c>the seed data is loaded</c>: a full reset.</item>
/// </list>
/// The id may also come from <c>params.id</c> (<c>Contact exists</c> with <c>{"id": 66}</c>). Setup answers the values a
/// pact may inject: <c>id</c>, the primary key by name, and for an existing entity <c>lastUpdate</c> and
/// <c>lastModified</c> (an HTTP-date). Teardown puts the id back to its seed state.
/// </summary>
internal sealed class ProviderStates
{
    public const string SeedState = "the seed data is loaded";

    private readonly EntityStore _store;
    private readonly Regex _pattern;

    public ProviderStates(EntityStore store)
    {
        _store = store;
        var names = string.Join('|', store.Models.SelectMany(m => new[] { m.Entity, m.Resource }).Distinct().Select(Regex.Escape));
        _pattern = new Regex(
            $@"^(?:(?:a|an|the) )?(?<name>{names})(?: with id)?(?: (?<id>-?\d+))? (?<verb>exists|does not exist|was (?:last )?updated at (?<date>.+))$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    }

    /// <summary>The state templates, for the 400 of an unknown state and for <c>GET /__admin/provider-states</c>.</summary>
    public IReadOnlyList<string> Known { get; } =
        ["<Resource> <id> exists", "<Resource> <id> does not exist", "<Resource> <id> was updated at <date>", SeedState];

    public IReadOnlyList<string> Resources => [.. _store.Models.Select(m => m.Resource)];

    /// <summary>
    /// Arranges the state (or each of <c>states</c>, in order) in <paramref name="world"/> (the default world's store, or
    /// a session's) and answers the values a pact may inject; or null and the 400 in <paramref name="refused"/> for a
    /// state it does not know (the states before it stay arranged).
    /// </summary>
    /// <remarks>The one place where the helpers' refusals, thrown from deep in the parsing, become a value.</remarks>
    public JsonObject? Apply(EntityStore world, ProviderStateRequestModel request, out MockHttpException? refused)
    {
        try
        {
            refused = null;
            return ApplyAll(world, request);
        }
        catch (MockHttpException refusal)
        {
            refused = refusal;
            return null;
        }
    }

    private JsonObject ApplyAll(EntityStore world, ProviderStateRequestModel request)
    {
        if (string.IsNullOrWhiteSpace(request.State) && request.States is { Count: > 0 } states)
        {
            var values = new JsonObject();
            foreach (var state in states)
            {
                foreach (var (name, value) in ApplyOne(world, request with { State = state, States = null }))
                {
                    values[name] = value?.DeepClone();
                }
            }

            return values;
        }

        return ApplyOne(world, request);
    }

    private JsonObject ApplyOne(EntityStore world, ProviderStateRequestModel request)
    {
        var action = string.IsNullOrWhiteSpace(request.Action) ? "setup" : request.Action.Trim().ToLowerInvariant();
        if (action is not ("setup" or "teardown"))
        {
            throw MockErrors.BadRequest($"Unknown provider-state action '{request.Action}': use 'setup' or 'teardown'.", "Unknown Action");
        }

        var state = request.State?.Trim() ?? string.Empty;
        if (state.Length == 0 || string.Equals(state, SeedState, StringComparison.OrdinalIgnoreCase))
        {
            if (action == "setup" && state.Length > 0 && world.Reset() is { } refused)
            {
                throw refused;
            }

            return [];
        }

        var match = _pattern.Match(state);
        if (!match.Success)
        {
            throw MockErrors.BadRequest(
                $"Unknown provider state '{state}'. Known states: {string.Join(", ", Known.Select(k => $"'{k}'"))}; <Resource> is one of {string.Join(", ", Resources)}.",
                "Unknown Provider State");
        }

        var name = match.Groups["name"].Value;
        var model = _store.Models.First(m => name.Equals(m.Resource, StringComparison.OrdinalIgnoreCase) || name.Equals(m.Entity, StringComparison.OrdinalIgnoreCase));
        var id = match.Groups["id"].Success ? ParseId(match.Groups["id"].Value) : IdFromParams(request.Params, model);
        if (action == "teardown")
        {
            var seeded = _store.Seed.SeededOf(model, id);
            Arrange(world, model, id, seeded);
            return Values(model, id, seeded);
        }

        var verb = match.Groups["verb"].Value;
        StoredEntity? arranged = verb.StartsWith("does", StringComparison.OrdinalIgnoreCase) ? null
            : match.Groups["date"].Success ? UpdatedAt(model, id, match.Groups["date"].Value)
            : _store.Seed.VersionOf(model, id);
        Arrange(world, model, id, arranged);
        return Values(model, id, arranged);
    }

    /// <summary>Sets the entity, or throws the store's refusal (the limit of added entities, a data folder that cannot store it).</summary>
    private static void Arrange(EntityStore world, EntityModel model, int id, StoredEntity? entity)
    {
        if (world.Set(model, id, entity) is { } refused)
        {
            throw refused;
        }
    }

    private StoredEntity UpdatedAt(EntityModel model, int id, string dateText)
    {
        if (!EntityStamp.TryParse(dateText, out var date) && !HttpDate.TryParse(dateText, out date))
        {
            throw MockErrors.BadRequest($"'{dateText}' is not a date: use ISO 8601 (2020-01-01T00:00:00) or an HTTP-date.", "Invalid Provider State");
        }

        var entity = _store.Seed.VersionOf(model, id).ToJsonObject();
        entity[model.LastUpdateField] = EntityStamp.Format(date);
        return EntityWriter.Write(entity, model);
    }

    private static JsonObject Values(EntityModel model, int id, StoredEntity? entity)
    {
        var values = new JsonObject { ["id"] = id, [model.PrimaryKey] = id, ["resource"] = model.Resource, ["entity"] = model.Entity };
        if (entity is not null)
        {
            values["lastUpdate"] = EntityStamp.Format(entity.LastUpdate);
            values["lastModified"] = entity.LastModified;
        }

        return values;
    }

    private static int IdFromParams(Dictionary<string, JsonElement>? parameters, EntityModel model)
    {
        foreach (var key in new[] { "id", model.PrimaryKey })
        {
            var found = parameters?.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (found is { Key: not null } pair)
            {
                var value = pair.Value;
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
                {
                    return number;
                }

                if (value.ValueKind == JsonValueKind.String)
                {
                    return ParseId(value.GetString()!);
                }
            }
        }

        throw MockErrors.BadRequest($"The state names no {model.Resource} id: put it in the state or in params.id.", "Invalid Provider State");
    }

    private static int ParseId(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw MockErrors.BadRequest($"'{text}' is not an int32 id.", "Invalid Provider State");
}

/// <summary>
/// The Pact verifier's state-change body: <c>{"action", "state", "params"}</c> (pact_verifier, Pact JS), or an older
/// verifier's <c>{"states": [...]}</c> list.
/// </summary>
internal sealed record ProviderStateRequestModel(string? Action, string? State, IReadOnlyList<string>? States, Dictionary<string, JsonElement>? Params);
