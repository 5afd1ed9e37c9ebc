using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>What an operation answers: its statuses, their content types and schemas, their headers.</summary>
internal sealed partial class OperationComparer
{
    private void Responses(ApiOperation was, ApiOperation now, List<CompatFinding> found)
    {
        var wasResponses = was.Node["responses"] as JsonObject ?? [];
        var nowResponses = now.Node["responses"] as JsonObject ?? [];
        foreach (var (status, response) in wasResponses)
        {
            var where = $"{was.Name} {status}";
            if (!nowResponses.TryGetPropertyValue(status, out var counterpart))
            {
                found.Add(new CompatFinding(CompatRules.StatusRemoved, where, $"status {status} is no longer documented"));
                continue;
            }

            var (wasResponse, nowResponse) = (before.Resolve(response) as JsonObject, after.Resolve(counterpart) as JsonObject);
            // a PATCH body sets properties of the entity its success answers with: that schema carries request values too
            Direction[] directions = was.Method == "patch" && status.StartsWith('2') ? [Direction.Response, Direction.PatchTarget] : [Direction.Response];
            Content(wasResponse, nowResponse, where, directions, found);
            Headers(wasResponse, nowResponse, where, found);
        }

        foreach (var (status, _) in nowResponses.Where(r => !wasResponses.ContainsKey(r.Key)))
        {
            found.Add(new CompatFinding(CompatRules.StatusAdded, $"{was.Name} {status}", $"new status {status}"));
        }
    }

    private void Content(JsonObject? was, JsonObject? now, string where, Direction[] directions, List<CompatFinding> found)
    {
        var wasContent = was?["content"] as JsonObject ?? [];
        var nowContent = now?["content"] as JsonObject ?? [];
        foreach (var (mediaType, media) in wasContent)
        {
            if (!nowContent.TryGetPropertyValue(mediaType, out var counterpart))
            {
                found.Add(new CompatFinding(CompatRules.MediaTypeRemoved, $"{where} {mediaType}", "the content type is gone"));
                continue;
            }

            foreach (var direction in directions)
            {
                found.AddRange(_schemas.Compare(media?["schema"], counterpart?["schema"], $"{where} {mediaType}", direction));
            }
        }

        foreach (var (mediaType, _) in nowContent.Where(c => !wasContent.ContainsKey(c.Key)))
        {
            found.Add(new CompatFinding(CompatRules.MediaTypeAdded, $"{where} {mediaType}", "new content type"));
        }
    }

    private void Headers(JsonObject? was, JsonObject? now, string where, List<CompatFinding> found)
    {
        var wasHeaders = was?["headers"] as JsonObject ?? [];
        var nowHeaders = new Dictionary<string, JsonNode?>(now?["headers"] as JsonObject ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var (name, header) in wasHeaders)
        {
            if (!nowHeaders.Remove(name, out var counterpart))
            {
                found.Add(new CompatFinding(CompatRules.ResponseHeaderRemoved, $"{where} header {name}", "the header is gone"));
                continue;
            }

            found.AddRange(_schemas.Compare(before.Resolve(header)?["schema"], after.Resolve(counterpart)?["schema"], $"{where} header {name}", Direction.Response));
        }

        foreach (var name in nowHeaders.Keys)
        {
            found.Add(new CompatFinding(CompatRules.ResponseHeaderAdded, $"{where} header {name}", "new header"));
        }
    }
}
