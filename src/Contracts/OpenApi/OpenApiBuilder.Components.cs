using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Schemas;

namespace ContractHarness.Contracts.OpenApi;

/// <summary>Components that are not generated from the pages: JSON Patch operations, the error body, security schemes.</summary>
public static partial class OpenApiBuilder
{
    private static JsonObject SecuritySchemes(EndpointCatalog catalog)
    {
        var schemes = new JsonObject();
        foreach (var endpoint in catalog.Endpoints)
        {
            foreach (var scheme in endpoint.AuthorizationSchemes)
            {
                schemes[scheme] ??= new JsonObject { ["type"] = "http", ["scheme"] = scheme.ToLowerInvariant(), ["description"] = $"Authorization: {scheme} ..." };
            }

            foreach (var header in endpoint.AlternativeAuthorizationHeaders)
            {
                schemes[header] ??= new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = header };
            }
        }

        return schemes;
    }

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
        ["description"] = "Error body of the Web API.",
        ["required"] = new JsonArray("Error", "ErrorType", "ErrorMessage"),
        ["properties"] = new JsonObject
        {
            ["Error"] = new JsonObject { ["type"] = "boolean" },
            ["ErrorType"] = new JsonObject { ["type"] = "string" },
            ["ErrorMessage"] = new JsonObject { ["type"] = "string" },
            ["ErrorSource"] = new JsonObject { ["type"] = "string", ["nullable"] = true },
        },
    };
}
