using System.Globalization;
using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// A client's request against the contract of its operation: the operation exists, the id is an int32, the request
/// authorizes as the pages say (the values are never read into a message), <c>$select</c> names fields the entity has,
/// the conditional headers the operation names are well formed, and an update's body has a listed media type and
/// keeps the patch rules and the schema (<see cref="PatchCheck"/>).
/// </summary>
internal static class RequestCheck
{
    public static void Check(OperationContract operation, HttpRequest request, string idText, byte[] body, List<ContractViolation> into)
    {
        var model = operation.Model;
        if (!operation.Known)
        {
            into.Add(Violation("method", $"the contract has no {operation.Name} (it has {operation.KnownOnRoute})."));
        }

        int? id = int.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (id is null)
        {
            into.Add(Violation("path:id", $"'{idText}' is not an int32 id."));
        }

        Authorization(operation, request.Headers, into);
        if (request.Query.TryGetValue(SelectProjection.QueryName, out var select))
        {
            SelectProjection.Parse(select, model, out var refused);
            if (refused is not null)
            {
                into.Add(Violation("query:" + SelectProjection.QueryName, refused.Message));
            }
        }

        foreach (var name in operation.RequestHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value) && HeaderRules.Problem(name, value) is { } problem)
            {
                into.Add(Violation(ContractViolation.Header(name), problem));
            }
        }

        if (operation.BodyKind is { } kind)
        {
            Body(operation, kind, id, request.ContentType, body, into);
        }
    }

    /// <summary>An <c>Authorization</c> header with a listed scheme, or a listed alternative header: never quoting either.</summary>
    private static void Authorization(OperationContract operation, IHeaderDictionary headers, List<ContractViolation> into)
    {
        var schemes = operation.AuthorizationSchemes;
        var alternatives = operation.AlternativeAuthorizationHeaders;
        var authorization = headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var space = authorization.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !schemes.Contains(authorization[..space], StringComparer.OrdinalIgnoreCase))
            {
                into.Add(Violation(ContractViolation.Header(HeaderNames.Authorization),
                    $"the header does not start with one of the schemes the contract lists ({string.Join(", ", schemes)}) and a space."));
            }

            return;
        }

        if (!alternatives.Any(h => headers.TryGetValue(h, out var value) && !string.IsNullOrWhiteSpace(value)))
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.Authorization),
                $"the request has neither an Authorization header ({string.Join(", ", schemes)}) nor {string.Join(" or ", alternatives)}."));
        }
    }

    private static void Body(OperationContract operation, RequestBodyKind kind, int? id, string? contentType, byte[] body, List<ContractViolation> into)
    {
        var model = operation.Model;
        var expected = kind == RequestBodyKind.Patch ? "a JSON Patch array or a JSON Merge Patch object" : $"the {model.Entity}";
        if (body.Length == 0)
        {
            into.Add(Violation(ContractViolation.WholeBody, $"the body is empty: {operation.Name} takes {expected}."));
            return;
        }

        var mediaType = MediaType(contentType);
        if (mediaType is null)
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.ContentType), $"the body has no media type (the contract lists {string.Join(", ", operation.RequestContentTypes)})."));
        }
        else if (!operation.RequestContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.ContentType), $"'{contentType}' is not a media type the contract lists ({string.Join(", ", operation.RequestContentTypes)})."));
            return;
        }

        if (mediaType is not null && !IsJson(mediaType))
        {
            return; // a listed media type that is not JSON (XML): its body is not read here
        }

        var node = UnicodeCheck.Check(body) is { } malformed ? null : RequestBody.ParseJson(body, out malformed);
        if (malformed is not null)
        {
            into.Add(Violation(ContractViolation.WholeBody, malformed.Message));
            return;
        }

        if (kind == RequestBodyKind.Entity)
        {
            PatchCheck.Entity(model, node, into);
            return;
        }

        switch (node)
        {
            case JsonArray operations when !RequestBody.IsMergePatch(contentType):
                PatchCheck.JsonPatch(model, id, operations, into);
                break;
            case JsonObject merge when !RequestBody.IsJsonPatch(contentType):
                PatchCheck.Merge(model, id, merge, into);
                break;
            default:
                into.Add(Violation(ContractViolation.WholeBody,
                    $"the body is {Patching.JsonNodeNavigator.DescribeKind(node)}, which is not {expected}{(contentType is null ? string.Empty : $" of Content-Type {contentType}")}."));
                break;
        }
    }

    private static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value : null;

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static ContractViolation Violation(string path, string message) => new(ContractViolation.Request, path, message);
}
