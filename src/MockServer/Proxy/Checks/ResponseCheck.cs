using System.Text.Json;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// A tenant's answer against the contract of its operation and status: the status is one the contract documents,
/// the headers it names for that status are there and well formed (<see cref="HeaderRules"/>; <c>Last-Modified</c> is
/// the entity's last-update stamp), a body has a listed media type, a 200 carries the entity (<see cref="EntityCheck"/>:
/// its schema, every error, and its key is the URL's id) and an error status the error body (<see cref="ErrorBody.Check"/>).
/// With <c>$select</c> the other properties are reset, the last-update stamp among them, so <c>Last-Modified</c> (the
/// stored entity's) is not compared with the body then.
/// </summary>
internal static class ResponseCheck
{
    /// <summary>Checks <paramref name="answer"/>; returns the entity of a 200 whose body is a JSON object (for the recording), else null.</summary>
    public static JsonObject? Check(OperationContract operation, bool isHead, bool selected, int? id, TenantAnswer answer, List<ContractViolation> into)
    {
        var status = answer.Status;
        if (operation.Known && !operation.Statuses.Contains(status))
        {
            into.Add(Violation("status", $"{status} is not a status the contract documents for {operation.Name} ({string.Join(", ", operation.Statuses)})."));
        }

        if (operation.ResponseHeaders.TryGetValue(status, out var named))
        {
            foreach (var name in named)
            {
                var value = answer.Header(name);
                var problem = value.Count == 0 ? $"missing: the contract gives every {status} answer of {operation.Name} this header." : HeaderRules.Problem(name, value);
                if (problem is not null)
                {
                    into.Add(Violation(ContractViolation.Header(name), problem));
                }
            }
        }

        var hasBody = answer.Body.Length > 0;
        var wantsEntity = status == StatusCodes.Status200OK && !isHead && operation.Known;
        var wantsError = status >= 400 && !isHead;
        if (!hasBody)
        {
            if (wantsEntity || wantsError)
            {
                into.Add(Violation(ContractViolation.WholeBody, wantsEntity
                    ? $"a 200 answer of {operation.Name} carries the {operation.Model.Entity}, but the body is empty."
                    : $"an error answer carries the error body {{\"Error\": true, \"ErrorType\", \"ErrorMessage\", \"ErrorSource\"}}, but the body is empty."));
            }

            return null;
        }

        if (!ReadableJson(operation, answer, into, out var content))
        {
            return null;
        }

        JsonNode? body;
        try
        {
            if (!System.Text.Unicode.Utf8.IsValid(content))
            {
                throw new JsonException("it is not UTF-8 text.");
            }

            body = StoredEntityJson.ParseValue(content);
        }
        catch (JsonException e)
        {
            into.Add(Violation(ContractViolation.WholeBody, $"the body is not valid JSON: {e.Message}"));
            return null;
        }

        if (wantsError)
        {
            ErrorBody.Check(body, ContractViolation.Response, into);
            return null;
        }

        if (!wantsEntity)
        {
            return null;
        }

        into.AddRange(EntityCheck.Violations(operation.Model, id, body, ContractViolation.Response));
        if (body is JsonObject entity)
        {
            if (!selected)
            {
                LastModified(operation, answer, entity, into);
            }

            return entity;
        }

        return null;
    }

    /// <summary>True when the body is JSON the proxy can read: a listed JSON media type, a content coding it can undo.</summary>
    private static bool ReadableJson(OperationContract operation, TenantAnswer answer, List<ContractViolation> into, out byte[] content)
    {
        content = answer.Content ?? [];
        var contentType = answer.Header(HeaderNames.ContentType).ToString();
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is null)
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.ContentType), $"the body has no media type (the contract lists {string.Join(", ", operation.ResponseContentTypes)})."));
            return false;
        }

        if (!operation.ResponseContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.ContentType), $"'{contentType}' is not a media type the contract lists ({string.Join(", ", operation.ResponseContentTypes)})."));
            return false;
        }

        if (!mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return false; // a listed media type that is not JSON (XML): not read here
        }

        if (answer.Content is null)
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.ContentEncoding), $"the body is coded as '{answer.Header(HeaderNames.ContentEncoding)}', which the proxy cannot undo: it is not checked."));
            return false;
        }

        return true;
    }

    /// <summary><c>Last-Modified</c> names the entity's last-update stamp, to the second.</summary>
    private static void LastModified(OperationContract operation, TenantAnswer answer, JsonObject entity, List<ContractViolation> into)
    {
        var header = answer.Header(HeaderNames.LastModified);
        var field = operation.Model.LastUpdateField;
        if (header.Count == 1 && HttpDate.TryParse(header.ToString(), out var modified)
            && entity[field] is JsonValue value && value.TryGetValue<string>(out var text) && EntityStamp.TryParse(text, out var stamp)
            && EntityStamp.ToSeconds(stamp) != modified)
        {
            into.Add(Violation(ContractViolation.Header(HeaderNames.LastModified),
                $"'{header}' is not the entity's {field} {text} (Last-Modified is the last-update stamp, to the second)."));
        }
    }

    private static ContractViolation Violation(string path, string message) => new(ContractViolation.Response, path, message);
}
