using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// Reads the body of <c>POST /__admin/faults</c> into a <see cref="FaultRule"/>, field by field, so that every
/// refusal names its field: an unknown field, a wrong type, a status outside 400..599, a negative or reversed delay,
/// a probability outside (0, 1], a pattern that is not a .NET regular expression, or no effect at all.
/// </summary>
internal static class FaultRuleReader
{
    public static FaultRule? Read(byte[] body, IReadOnlyList<EntityModel> models, out MockHttpException? refused)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var rule = document.RootElement.ValueKind == JsonValueKind.Object
                ? Build(document.RootElement, models)
                : throw new FormatException("the body must be a JSON object, e.g. {\"entity\": \"Contact\", \"status\": 503}");
            refused = null;
            return rule;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            refused = MockErrors.BadRequest($"Invalid fault rule: {e.Message}", "Invalid Fault Rule");
            return null;
        }
    }

    private static FaultRule Build(JsonElement root, IReadOnlyList<EntityModel> models)
    {
        string? method = null, path = null, entityName = null;
        Regex? pattern = null;
        EntityModel? entity = null;
        int? entityId = null, status = null, times = null;
        DelayRange? delay = null;
        double? probability = null;
        var abort = false;
        foreach (var field in root.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name.ToLowerInvariant())
            {
                case "method": method = Text(value, "method").ToUpperInvariant(); break;
                case "path": path = Text(value, "path"); break;
                case "pathpattern": pattern = Pattern(Text(value, "pathPattern")); break;
                case "entity":
                    entityName = Text(value, "entity");
                    entity = models.FirstOrDefault(m => m.Resource.Equals(entityName, StringComparison.OrdinalIgnoreCase) || m.Entity.Equals(entityName, StringComparison.OrdinalIgnoreCase))
                        ?? throw Field("entity", $"'{entityName}' is none of the catalog's entities ({string.Join(", ", models.Select(m => m.Resource))})");
                    break;
                case "id" or "entityid": entityId = EntityId(value, field.Name); break;
                case "status": status = Whole(value, "status", 400, 599); break;
                case "delayms": delay = Delay(value); break;
                case "abort": abort = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Field("abort", "must be true or false"); break;
                case "times": times = Whole(value, "times", 1, int.MaxValue); break;
                case "probability":
                    probability = value.ValueKind == JsonValueKind.Number && value.GetDouble() is > 0 and <= 1 and var p
                        ? p : throw Field("probability", $"must be a number above 0 and at most 1, not {value.GetRawText()}");
                    break;
                default:
                    throw Field(field.Name, "is not a field of a fault rule (method, path, pathPattern, entity, id, status, delayMs, abort, times, probability)");
            }
        }

        if (status is null && delay is null && !abort)
        {
            throw new FormatException("give at least one effect: 'status' (400 to 599), 'delayMs' or 'abort': true");
        }

        return new FaultRule
        {
            Method = method, Path = path, PathPattern = pattern, EntityName = entityName, Entity = entity, EntityId = entityId,
            Status = status, Delay = delay, Abort = abort, Times = times, Probability = probability,
        };
    }

    private static string Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Field(name, "must be a non-empty string");

    private static int Whole(JsonElement value, string name, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw Field(name, $"must be a whole number from {min} to {max}, not {value.GetRawText()}");

    private static int EntityId(JsonElement value, string name)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw Field(name, $"must be an entity id (a whole number, as a number or a string), not {value.GetRawText()}");
    }

    private static DelayRange Delay(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            var ms = value.TryGetInt32(out var whole) ? whole : throw Field("delayMs", $"must be whole milliseconds, not {value.GetRawText()}");
            return DelayRange.Check(ms, ms) is { } problem ? throw Field("delayMs", problem) : DelayRange.Fixed(ms);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Field("delayMs", "must be a number of milliseconds or {\"min\": 100, \"max\": 500}");
        }

        int? min = null, max = null;
        foreach (var bound in value.EnumerateObject())
        {
            switch (bound.Name.ToLowerInvariant())
            {
                case "min": min = Whole(bound.Value, "delayMs.min", int.MinValue, int.MaxValue); break;
                case "max": max = Whole(bound.Value, "delayMs.max", int.MinValue, int.MaxValue); break;
                default: throw Field($"delayMs.{bound.Name}", "is not a field of a delay (min, max)");
            }
        }

        if (min is null || max is null)
        {
            throw Field("delayMs", "needs both min and max");
        }

        return DelayRange.Check(min.Value, max.Value) is { } wrong ? throw Field("delayMs", wrong) : new DelayRange(min.Value, max.Value, IsRange: true);
    }

    private static Regex Pattern(string text)
    {
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, FaultRule.PatternTimeout);
        }
        catch (ArgumentException e)
        {
            throw Field("pathPattern", $"is not a .NET regular expression: {e.Message}");
        }
    }

    private static FormatException Field(string name, string problem) => new($"'{name}' {problem}.");
}
