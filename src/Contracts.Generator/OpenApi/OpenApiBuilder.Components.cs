using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;

namespace ContractHarness.Contracts.Generator.OpenApi;

/// <summary>Components that are not generated from the pages: JSON Patch operations, the error body, headers, security schemes.</summary>
internal partial class OpenApiBuilder
{
    /// <summary>Authorization schemes in the IANA HTTP Authentication Scheme Registry that OpenAPI tools know by name.</summary>
    private static readonly HashSet<string> RegisteredHttpSchemes = new(StringComparer.OrdinalIgnoreCase) { "Basic", "Bearer", "Digest" };

    /// <summary>
    /// One scheme per form of credential the real server takes: registered HTTP schemes (Basic, Bearer) as <c>http</c>
    /// schemes; the others (SoTicket, not a registered scheme) as an API key in the Authorization header, whose value
    /// carries the scheme name; and the headers that stand in for Authorization (X-XSRF-TOKEN) as API keys.
    /// </summary>
    private static JsonObject SecuritySchemes(EndpointCatalog catalog)
    {
        var schemes = new JsonObject();
        foreach (var endpoint in catalog.Endpoints)
        {
            foreach (var scheme in endpoint.AuthorizationSchemes)
            {
                schemes[scheme] ??= RegisteredHttpSchemes.Contains(scheme)
                    ? new JsonObject { ["type"] = "http", ["scheme"] = scheme.ToLowerInvariant(), ["description"] = $"Authorization: {scheme} <credentials>" }
                    : new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "Authorization",
                        ["description"] = $"Authorization: {scheme} <ticket>. '{scheme}' is not a registered HTTP authentication scheme, so the whole header value, scheme name included, is the key.",
                    };
            }

            foreach (var header in endpoint.AlternativeAuthorizationHeaders)
            {
                schemes[header] ??= new JsonObject
                {
                    ["type"] = "apiKey",
                    ["in"] = "header",
                    ["name"] = header,
                    ["description"] = $"{header}: <token>, instead of an Authorization header (the XSRF value from the cookie or a hidden input field).",
                };
            }
        }

        return schemes;
    }

    /// <summary>The response headers of entity answers, 304s and 401s.</summary>
    private static JsonObject ResponseHeaders() => new()
    {
        [LastModified] = Header("The entity's last-update stamp (UpdatedDate; LastChanged for tickets) as an HTTP-date.", "Wed, 28 Sep 2022 19:18:10 GMT"),
        [ETag] = Header("A strong entity tag of the entity answer; send it back in If-None-Match to get 304 while it is unchanged.", "\"5f2b8c1e\""),
        [CacheControl] = Header("no-cache: a cache must revalidate (If-None-Match, If-Modified-Since) before reusing an answer.", "no-cache"),
        [WwwAuthenticate] = Header("The challenge of a 401.", "Basic realm=\"SuperOffice Username or Ticket\""),
    };

    private static JsonObject Header(string description, string example) => new()
    {
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = "string" },
        ["example"] = example,
    };

    private static JsonObject PatchOperationSchema() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("op", "path"),
        ["properties"] = new JsonObject
        {
            ["op"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. SupportedPatchOperations.Select(o => (JsonNode)o)]) },
            ["path"] = new JsonObject { ["type"] = "string", ["description"] = "JSON Pointer; case-insensitive, leading slash optional." },
            ["value"] = new JsonObject { ["description"] = "Required for add, replace and test." },
        },
    };

    private static JsonObject ErrorSchema() => new()
    {
        ["type"] = "object",
        ["description"] = "Error body of the Web API; the status line's reason phrase names the problem (404 Contact Not Found).",
        ["required"] = new JsonArray("Error", "ErrorType", "ErrorMessage"),
        ["properties"] = new JsonObject
        {
            ["Error"] = new JsonObject { ["type"] = "boolean", ["enum"] = new JsonArray(true) },
            ["ErrorType"] = new JsonObject { ["type"] = "string", ["description"] = "The server's exception type, e.g. SoNotFoundException." },
            ["ErrorMessage"] = new JsonObject { ["type"] = "string" },
            ["ErrorSource"] = new JsonObject { ["type"] = "string", ["nullable"] = true },
        },
        ["example"] = new JsonObject
        {
            ["Error"] = true,
            ["ErrorType"] = "SoNotFoundException",
            ["ErrorMessage"] = "Contact id 99999 not found",
            ["ErrorSource"] = "ContractHarness.MockServer",
        },
    };
}
