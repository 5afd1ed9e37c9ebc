using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.Pact.Consumer;

/// <summary>Turns the engine's mismatch JSON into a report a person can read in a test failure.</summary>
internal static class MismatchReport
{
    public static string Format(string consumer, string provider, string mismatchesJson, IReadOnlyList<InteractionDefinition> interactions)
    {
        var report = new StringBuilder()
            .Append("Pact between ").Append(consumer).Append(" and ").Append(provider)
            .AppendLine(": the consumer did not send what it promised.");
        var entries = Parse(mismatchesJson);
        if (entries.Count == 0)
        {
            report.AppendLine("The engine reported no mismatch details.");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            report.AppendLine();
            AppendEntry(report, i + 1, entries[i], interactions);
        }

        return report.ToString().TrimEnd();
    }

    private static List<JsonObject> Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static void AppendEntry(StringBuilder report, int number, JsonObject entry, IReadOnlyList<InteractionDefinition> interactions)
    {
        var type = Text(entry["type"]);
        var request = entry["request"] as JsonObject;
        var method = Text(entry["method"] ?? request?["method"]);
        var path = Text(entry["path"] ?? request?["path"]);
        var title = type switch
        {
            "request-mismatch" => "Request did not match",
            "missing-request" => "Expected request was never received",
            "request-not-found" => "Unexpected request (no interaction expects it)",
            _ => type,
        };
        report.Append(number).Append(") ").Append(title).Append(": ").Append(method).Append(' ').AppendLine(path);
        var interaction = type == "request-not-found" ? null : FindInteraction(interactions, method, path);
        if (interaction is not null)
        {
            report.Append("   interaction: \"").Append(interaction.Description).AppendLine("\"");
        }

        foreach (var mismatch in (entry["mismatches"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            AppendMismatch(report, mismatch);
        }

        if (type == "request-not-found" && request?["body"] is { } body && Text(body).Length > 0)
        {
            report.Append("   body: ").AppendLine(Text(body));
        }
    }

    private static void AppendMismatch(StringBuilder report, JsonObject mismatch)
    {
        var kind = Text(mismatch["type"]) switch
        {
            "BodyMismatch" => "body",
            "HeaderMismatch" => "header",
            "QueryMismatch" => "query",
            "PathMismatch" => "path",
            "MethodMismatch" => "method",
            "BodyTypeMismatch" => "body type",
            "StatusMismatch" => "status",
            var other => other,
        };
        var where = Text(mismatch["path"] ?? mismatch["key"] ?? mismatch["parameter"]);
        report.Append("   - ").Append(kind);
        if (where.Length > 0 && kind != "path")
        {
            report.Append(' ').Append(where);
        }

        report.Append(": ").AppendLine(Text(mismatch["mismatch"]));
        if (mismatch.ContainsKey("expected") || mismatch.ContainsKey("actual"))
        {
            report.Append("       expected: ").AppendLine(Text(mismatch["expected"]));
            report.Append("       actual:   ").AppendLine(Text(mismatch["actual"]));
        }
    }

    private static InteractionDefinition? FindInteraction(IReadOnlyList<InteractionDefinition> interactions, string method, string path) =>
        interactions.FirstOrDefault(i => string.Equals(i.Method, method, StringComparison.OrdinalIgnoreCase) && i.Path.Example == path)
        ?? (interactions.Count == 1 ? interactions[0] : null);

    private static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
