using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Schemas;

namespace ContractHarness.Contracts.OpenApi;

/// <summary>The operations: parameters, request bodies and responses of each catalog entry.</summary>
public static partial class OpenApiBuilder
{
    private static JsonObject Operation(EndpointDefinition endpoint, SchemaSet schemas, JsonObject components)
    {
        var parameters = new JsonArray();
        foreach (var p in endpoint.PathParameters)
        {
            parameters.Add(Parameter(p.Name, "path", p.Description, required: true, ParameterSchema(p.Type)));
        }

        foreach (var p in endpoint.QueryParameters)
        {
            parameters.Add(Parameter(p.Name, "query", p.Description, p.Required, ParameterSchema(p.Type)));
        }

        foreach (var h in endpoint.RequestHeaders.Where(h => !IsReservedHeader(h.Name)))
        {
            parameters.Add(Parameter(h.Name, "header", h.Description, required: false, new JsonObject { ["type"] = "string" }));
        }

        foreach (var h in endpoint.PreconditionHeaders)
        {
            parameters.Add(Parameter(h, "header", "An HTTP-date (RFC 7231). The update is refused with 412 when the entity changed after it.", required: false, new JsonObject { ["type"] = "string" }));
        }

        return new JsonObject
        {
            ["operationId"] = endpoint.Id,
            ["summary"] = endpoint.Title,
            ["description"] = endpoint.Summary,
            ["tags"] = new JsonArray(endpoint.Resource),
            ["parameters"] = parameters,
            ["requestBody"] = RequestBody(endpoint, schemas, components),
            ["responses"] = Responses(endpoint),
            ["security"] = new JsonArray([.. SchemeNames(endpoint).Select(n => (JsonNode)new JsonObject { [n] = new JsonArray() })]),
        };
    }

    private static JsonObject RequestBody(EndpointDefinition endpoint, SchemaSet schemas, JsonObject components)
    {
        var content = new JsonObject();
        JsonObject Ref(string name) => new() { ["$ref"] = OpenApiSchemas.ComponentPrefix + name };
        foreach (var mediaType in endpoint.RequestBody.ContentTypes.Where(IsJson))
        {
            JsonObject schema;
            if (endpoint.RequestBody.Kind == RequestBodyKind.Entity)
            {
                schema = Ref(RequestComponent(endpoint, schemas, components));
            }
            else if (mediaType.EndsWith("json-patch+json", StringComparison.Ordinal))
            {
                schema = Ref("JsonPatchDocument");
            }
            else if (mediaType.EndsWith("merge-patch+json", StringComparison.Ordinal))
            {
                schema = Ref("MergePatchDocument");
            }
            else
            {
                schema = new JsonObject { ["oneOf"] = new JsonArray(Ref("JsonPatchDocument"), Ref("MergePatchDocument")) };
            }

            content[mediaType] = new JsonObject { ["schema"] = schema };
        }

        return new JsonObject { ["required"] = true, ["description"] = endpoint.RequestBody.Description, ["content"] = content };
    }

    /// <summary>For entity bodies: a component with the request table's properties, none required.</summary>
    private static string RequestComponent(EndpointDefinition endpoint, SchemaSet schemas, JsonObject components)
    {
        var name = endpoint.Entity + "Request";
        var entity = schemas.Entities.Single(e => e.Name == endpoint.Entity);
        var entityProperties = entity.Schema["properties"]!.AsObject();
        var properties = new JsonObject();
        foreach (var row in entity.Page.RequestBody.Properties)
        {
            properties[row.Name] = OpenApiSchemas.Convert(entityProperties[row.Name] ?? new JsonObject());
        }

        components[name] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = endpoint.RequestBody.Description,
            ["properties"] = properties,
        };
        return name;
    }

    private static JsonObject Responses(EndpointDefinition endpoint)
    {
        var responses = new JsonObject();
        foreach (var response in endpoint.Responses.OrderBy(r => r.Status))
        {
            var schema = response.Status is >= 200 and < 300 ? endpoint.Entity : "Error";
            responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = response.Description,
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = OpenApiSchemas.ComponentPrefix + schema } },
                },
            };
        }

        return responses;
    }

    private static IEnumerable<string> SchemeNames(EndpointDefinition endpoint) =>
        endpoint.AuthorizationSchemes.Concat(endpoint.AlternativeAuthorizationHeaders);

    private static JsonObject Parameter(string name, string location, string description, bool required, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["description"] = description,
        ["required"] = required,
        ["schema"] = schema,
    };

    private static JsonObject ParameterSchema(string type) =>
        TableTypes.Scalar(type) is { } scalar && scalar["type"] is JsonValue
            ? scalar
            : new JsonObject { ["type"] = "string" };

    private static bool IsReservedHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("Accept", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string mediaType) =>
        mediaType.EndsWith("/json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal);
}
