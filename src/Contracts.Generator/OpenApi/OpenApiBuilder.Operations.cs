using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator.Schemas;

namespace ContractHarness.Contracts.Generator.OpenApi;

/// <summary>The operations: parameters, request bodies and responses of each catalog entry, and the GET of its route.</summary>
internal partial class OpenApiBuilder
{
    private const string LastModified = "Last-Modified";
    private const string ETag = "ETag";
    private const string CacheControl = "Cache-Control";
    private const string WwwAuthenticate = "WWW-Authenticate";

    private static JsonObject Operation(EndpointDefinition endpoint, SchemaSet schemas, JsonObject components)
    {
        var parameters = new JsonArray([.. endpoint.PathParameters.Select(p => PathParameter(endpoint, p, p.Description))]);
        AddQueryAndHeaderParameters(parameters, endpoint);
        foreach (var h in endpoint.PreconditionHeaders)
        {
            parameters.Add((JsonNode)Parameter(h, "header", "An HTTP-date (RFC 7231). The update is refused with 412 when the entity changed after it.", required: false, HttpDateSchema()));
        }

        return new JsonObject
        {
            ["operationId"] = endpoint.Id,
            ["summary"] = endpoint.Title,
            ["description"] = endpoint.Summary,
            ["tags"] = new JsonArray(endpoint.Resource),
            ["parameters"] = parameters,
            ["requestBody"] = RequestBody(endpoint, schemas, components),
            ["responses"] = Responses(endpoint, endpoint.Responses.Concat(endpoint.ServerResponses)),
            ["security"] = Security(endpoint),
        };
    }

    /// <summary>
    /// <c>GET</c> of the route, which no page describes: the id, <c>$select</c> and the language headers as the update
    /// takes them, and the conditional headers of a read (<c>If-Modified-Since</c>, <c>If-None-Match</c>).
    /// </summary>
    private static JsonObject ReadOperation(EndpointDefinition endpoint)
    {
        var parameters = new JsonArray([.. endpoint.PathParameters.Select(p => PathParameter(endpoint, p, $"The {endpoint.Entity} id."))]);
        AddQueryAndHeaderParameters(parameters, endpoint);
        parameters.Add((JsonNode)Parameter("If-Modified-Since", "header", "An HTTP-date (RFC 7231). The answer is 304 without a body when the entity has not changed since.", required: false, HttpDateSchema()));
        parameters.Add((JsonNode)Parameter("If-None-Match", "header", "Entity tags from earlier answers' ETag. The answer is 304 without a body when the entity's tag is among them.", required: false, new JsonObject { ["type"] = "string" }));
        var id = endpoint.Id.Split('_')[0];
        return new JsonObject
        {
            ["operationId"] = $"{id}_Get{endpoint.Entity}",
            ["summary"] = $"GET {endpoint.Resource}/{{id}}",
            ["description"] = $"Get a {endpoint.Entity} by id.",
            ["tags"] = new JsonArray(endpoint.Resource),
            ["parameters"] = parameters,
            ["responses"] = Responses(endpoint, endpoint.ReadResponses),
            ["security"] = Security(endpoint),
        };
    }

    private static JsonObject PathParameter(EndpointDefinition endpoint, ParameterDefinition p, string description)
    {
        var parameter = Parameter(p.Name, "path", description, required: true, ParameterSchema(p.Type));
        if (endpoint.PathParameters.Count == 1)
        {
            parameter["example"] = endpoint.FixtureId; // the page's sample entity, which the mock serves at this id
        }

        return parameter;
    }

    private static void AddQueryAndHeaderParameters(JsonArray parameters, EndpointDefinition endpoint)
    {
        foreach (var p in endpoint.QueryParameters)
        {
            parameters.Add((JsonNode)Parameter(p.Name, "query", p.Description, p.Required, ParameterSchema(p.Type)));
        }

        // Authorization and the headers that stand in for it are security schemes, not parameters.
        foreach (var h in endpoint.RequestHeaders.Where(h => !IsReservedHeader(h.Name) && !endpoint.AlternativeAuthorizationHeaders.Contains(h.Name)))
        {
            parameters.Add((JsonNode)Parameter(h.Name, "header", h.Description, required: false, new JsonObject { ["type"] = "string" }));
        }
    }

    private static JsonArray Security(EndpointDefinition endpoint) =>
        new([.. SchemeNames(endpoint).Select(n => (JsonNode)new JsonObject { [n] = new JsonArray() })]);

    private static JsonObject HttpDateSchema() => new() { ["type"] = "string", ["example"] = "Wed, 28 Sep 2022 19:18:10 GMT" };

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

    /// <summary>
    /// Each status with what comes with it: the entity and its cache headers for a 2xx, the headers alone for a 304,
    /// the error body for every failure (with the challenge for a 401).
    /// </summary>
    private static JsonObject Responses(EndpointDefinition endpoint, IEnumerable<ResponseDefinition> statuses)
    {
        var responses = new JsonObject();
        foreach (var response in statuses.OrderBy(r => r.Status))
        {
            var answer = new JsonObject { ["description"] = response.Description };
            var headers = response.Status switch
            {
                >= 200 and < 300 or 304 => [LastModified, ETag, CacheControl],
                401 => [WwwAuthenticate],
                _ => Array.Empty<string>(),
            };
            if (headers.Length > 0)
            {
                answer["headers"] = new JsonObject([.. headers.Select(h => KeyValuePair.Create(h, (JsonNode?)new JsonObject { ["$ref"] = "#/components/headers/" + h }))]);
            }

            if (response.Status != 304)
            {
                var schema = response.Status is >= 200 and < 300 ? endpoint.Entity : "Error";
                answer["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = OpenApiSchemas.ComponentPrefix + schema } },
                };
            }

            responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = answer;
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
