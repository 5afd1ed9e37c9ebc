using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// Compares the operations of two documents: which are gone or new, and for each kept one its parameters, request
/// body, statuses, content types, response headers and schemas (through <see cref="SchemaComparer"/>). Every finding
/// is attributed to the operations that reach it.
/// </summary>
internal sealed partial class OperationComparer(ApiDocument before, ApiDocument after)
{
    private readonly SchemaComparer _schemas = new(before, after);

    /// <summary>The findings, and the names of the base document's operations with those the head adds (the JUnit cases).</summary>
    public (List<CompatFinding> Findings, List<string> Operations) Compare()
    {
        var findings = new List<CompatFinding>();
        var names = new List<string>();
        var afterOperations = after.Operations().ToDictionary(o => o.Key);
        foreach (var operation in before.Operations())
        {
            names.Add(operation.Name);
            var found = new List<CompatFinding>();
            if (!afterOperations.Remove(operation.Key, out var counterpart))
            {
                found.Add(new CompatFinding(CompatRules.OperationRemoved, operation.Name, "the operation is gone"));
            }
            else
            {
                Parameters(operation, counterpart, found);
                RequestBody(operation, counterpart, found);
                Responses(operation, counterpart, found);
            }

            foreach (var finding in found)
            {
                finding.Operations.Add(operation.Name);
            }

            findings.AddRange(found);
        }

        foreach (var added in afterOperations.Values)
        {
            names.Add(added.Name);
            var finding = new CompatFinding(CompatRules.OperationAdded, added.Name, "new operation");
            finding.Operations.Add(added.Name);
            findings.Add(finding);
        }

        return (findings, names);
    }

    private void Parameters(ApiOperation was, ApiOperation now, List<CompatFinding> found)
    {
        var wasParameters = ParametersOf(was, before);
        var nowParameters = ParametersOf(now, after);
        foreach (var (key, parameter) in wasParameters)
        {
            var where = $"{was.Name} {key.In} {parameter["name"]}";
            if (!nowParameters.Remove(key, out var counterpart))
            {
                found.Add(key.In == "header" && SecuredByHeader(now, key.Name)
                    ? new CompatFinding(CompatRules.ParameterToSecurity, where, "now a security scheme's header")
                    : new CompatFinding(CompatRules.ParameterRemoved, where, "the parameter is gone"));
                continue;
            }

            var (wasRequired, nowRequired) = (IsRequired(parameter), IsRequired(counterpart));
            if (wasRequired != nowRequired)
            {
                found.Add(nowRequired
                    ? new CompatFinding(CompatRules.ParameterRequired, where, "now required")
                    : new CompatFinding(CompatRules.ParameterOptional, where, "no longer required"));
            }

            found.AddRange(_schemas.Compare(parameter["schema"], counterpart["schema"], where, Direction.Request));
        }

        foreach (var (key, parameter) in nowParameters)
        {
            var where = $"{now.Name} {key.In} {parameter["name"]}";
            found.Add(IsRequired(parameter)
                ? new CompatFinding(CompatRules.ParameterRequired, where, "new required parameter")
                : new CompatFinding(CompatRules.ParameterAdded, where, "new optional parameter"));
        }
    }

    private void RequestBody(ApiOperation was, ApiOperation now, List<CompatFinding> found)
    {
        var wasBody = before.Resolve(was.Node["requestBody"]) as JsonObject;
        var nowBody = after.Resolve(now.Node["requestBody"]) as JsonObject;
        var (wasRequired, nowRequired) = (wasBody is not null && IsRequired(wasBody), nowBody is not null && IsRequired(nowBody));
        if (nowRequired && !wasRequired)
        {
            found.Add(new CompatFinding(CompatRules.RequestBodyRequired, $"{was.Name} request", wasBody is null ? "new required request body" : "the request body is now required"));
        }
        else if (wasRequired && !nowRequired)
        {
            found.Add(new CompatFinding(CompatRules.RequestBodyOptional, $"{was.Name} request", nowBody is null ? "the operation takes no request body any more" : "the request body is now optional"));
        }

        Content(wasBody, nowBody, $"{was.Name} request", [Direction.Request], found);
    }

    /// <summary>True when a security scheme the operation accepts (its own list, else the document's) is an API key in the header <paramref name="header"/>.</summary>
    private bool SecuredByHeader(ApiOperation operation, string header)
    {
        var requirements = operation.Node["security"] as JsonArray ?? after.Security;
        var schemes = requirements.OfType<JsonObject>().SelectMany(r => r.Select(p => p.Key)).Select(after.SecurityScheme);
        return schemes.Any(s => s?["type"]?.ToString() == "apiKey" && s["in"]?.ToString() == "header" &&
            string.Equals(s["name"]?.ToString(), header, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The path item's and the operation's parameters (the operation's win), keyed by location and name (headers ignoring case).</summary>
    private static Dictionary<(string In, string Name), JsonObject> ParametersOf(ApiOperation operation, ApiDocument document)
    {
        var parameters = new Dictionary<(string In, string Name), JsonObject>();
        foreach (var list in new[] { operation.PathItem["parameters"], operation.Node["parameters"] })
        {
            foreach (var parameter in (list as JsonArray ?? []).Select(p => document.Resolve(p)).OfType<JsonObject>())
            {
                var place = parameter["in"]?.ToString() ?? "query";
                var name = parameter["name"]?.ToString() ?? string.Empty;
                // a path parameter is paired by position in the template, so a renamed one is the same parameter
                parameters[(place, place == "header" ? name.ToLowerInvariant() : place == "path" ? PathPosition(operation, name) : name)] = parameter;
            }
        }

        return parameters;
    }

    private static string PathPosition(ApiOperation operation, string name)
    {
        var position = operation.Name.Split('{').Skip(1).Select(s => s.Split('}')[0]).ToList().IndexOf(name);
        return position < 0 ? name : $"#{position}";
    }

    private static bool IsRequired(JsonObject node) => node["required"] is JsonValue flag && flag.TryGetValue<bool>(out var required) && required;
}
