using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractHarness.Pact.Verifier;

/// <summary>Parses the engine's JSON report (<c>pactffi_verifier_json</c>) into a <see cref="PactVerificationResult"/>.</summary>
internal static partial class VerificationReport
{
    public static PactVerificationResult Create(int exitCode, string output, string json, string logs)
    {
        var root = TryParse(json);
        var interactions = (root?["interactionResults"] as JsonArray)?.OfType<JsonObject>().Select(Interaction).ToArray() ?? [];
        var errors = (root?["errors"] as JsonArray)?.OfType<JsonObject>().Select(Error).ToArray() ?? [];
        return new PactVerificationResult(exitCode, output, json, logs, interactions, errors);
    }

    private static InteractionVerificationResult Interaction(JsonObject entry) => new(
        Description: Text(entry["description"]),
        Passed: Text(entry["result"]) == "OK",
        Pending: entry["pending"] is JsonValue pending && pending.TryGetValue<bool>(out var isPending) && isPending,
        Duration: Duration(Text(entry["duration"])),
        Failures: Failures(entry["mismatch"] as JsonObject));

    private static string Error(JsonObject entry)
    {
        var failures = Failures(entry["mismatch"] as JsonObject);
        var interaction = Text(entry["interaction"]);
        return failures.Count == 0 ? interaction : $"{interaction}: {string.Join("; ", failures)}";
    }

    /// <summary>One line per mismatch ("body $.Id: Expected ..."), or the error message of a request that failed.</summary>
    private static List<string> Failures(JsonObject? mismatch)
    {
        if (mismatch is null)
        {
            return [];
        }

        if (mismatch["mismatches"] is not JsonArray list)
        {
            var message = Text(mismatch["message"]);
            return message.Length > 0 ? [message] : [mismatch.ToJsonString()];
        }

        return [.. list.OfType<JsonObject>().Select(Describe)];
    }

    private static string Describe(JsonObject mismatch)
    {
        var kind = Text(mismatch["type"]).Replace("Mismatch", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var where = Text(mismatch["path"]);
        if (where.Length == 0)
        {
            where = Text(mismatch["key"]);
        }

        var prefix = where.Length > 0 ? $"{kind} {where}" : kind;
        return $"{prefix}: {Text(mismatch["mismatch"])}";
    }

    private static TimeSpan? Duration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "ns" => TimeSpan.FromTicks((long)(amount / 100)),
            "µs" or "us" => TimeSpan.FromTicks((long)(amount * 10)),
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => null,
        };
    }

    private static JsonObject? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*(ns|µs|us|ms|s|m)\s*$")]
    private static partial Regex DurationPattern();
}
