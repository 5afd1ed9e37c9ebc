using System.Text.Json;

namespace ContractHarness.Contracts.Catalog;

/// <summary>
/// Reads <c>endpoints.json</c> with <see cref="JsonDocument"/> alone; <see cref="CatalogWriter"/> is the other half of
/// the codec. No serializer: setting one up for the catalog types (converters, metadata, their code) costs a process
/// about 50 ms the first time, the mock reads the catalog once, on its start-up path, and the mock is meant to publish
/// with Native AOT. What the writer writes, this accepts, and more: camelCase names, unknown properties ignored, <c>updatedByField</c>, <c>serverResponses</c>, <c>readResponses</c> and
/// <c>comment</c> optional, everything else
/// required; a problem is reported with its JSON path.
/// </summary>
internal static class CatalogReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static EndpointCatalog Read(ReadOnlyMemory<byte> utf8, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            var root = new Node(document.RootElement, "$", path).Object();
            return new EndpointCatalog
            {
                Comment = root.OptionalString("comment"),
                Endpoints = root.Property("endpoints").List(Endpoint),
            };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    private static EndpointDefinition Endpoint(Node node)
    {
        node = node.Object();
        return new EndpointDefinition
        {
            Id = node.String("id"),
            Title = node.String("title"),
            Source = node.String("source"),
            Method = node.String("method"),
            Route = node.String("route"),
            Resource = node.String("resource"),
            Summary = node.String("summary"),
            PathParameters = node.Property("pathParameters").List(Parameter),
            QueryParameters = node.Property("queryParameters").List(Parameter),
            RequestHeaders = node.Property("requestHeaders").List(n => new HeaderDefinition(n.Object().String("name"), n.String("description"))),
            AuthorizationSchemes = node.Property("authorizationSchemes").List(n => n.AsString()),
            AlternativeAuthorizationHeaders = node.Property("alternativeAuthorizationHeaders").List(n => n.AsString()),
            PreconditionHeaders = node.Property("preconditionHeaders").List(n => n.AsString()),
            RequestBody = Body(node.Property("requestBody").Object()),
            ResponseContentTypes = node.Property("responseContentTypes").List(n => n.AsString()),
            Entity = node.String("entity"),
            Schema = node.String("schema"),
            PrimaryKey = node.String("primaryKey"),
            LastUpdateField = node.String("lastUpdateField"),
            UpdatedByField = node.OptionalString("updatedByField"),
            Fixture = node.String("fixture"),
            FixtureId = node.Property("fixtureId").AsInt32(),
            Responses = node.Property("responses").List(Response),
            ServerResponses = node.OptionalList("serverResponses", Response),
            ReadResponses = node.OptionalList("readResponses", Response),
        };
    }

    private static ResponseDefinition Response(Node node) => new(node.Object().Property("status").AsInt32(), node.String("description"));

    private static ParameterDefinition Parameter(Node node)
    {
        node = node.Object();
        return new ParameterDefinition(node.String("name"), node.String("type"), node.String("description"), node.Property("required").AsBoolean());
    }

    private static RequestBodyDefinition Body(Node node)
    {
        var kind = node.String("kind") switch
        {
            "patch" => RequestBodyKind.Patch,
            "entity" => RequestBodyKind.Entity,
            var other => throw node.Property("kind").Problem($"'{other}' is not a request body kind (patch, entity)"),
        };
        return new RequestBodyDefinition(kind, node.String("name"), node.String("description"), node.Property("contentTypes").List(n => n.AsString()));
    }

    /// <summary>A value of the document with its JSON path, for messages.</summary>
    private readonly record struct Node(JsonElement Value, string JsonPath, string File)
    {
        public Node Object() => Value.ValueKind == JsonValueKind.Object ? this : throw Problem("expected an object");

        public Node Property(string name) =>
            Value.TryGetProperty(name, out var value) ? new Node(value, $"{JsonPath}.{name}", File) : throw Problem($"the required property '{name}' is missing");

        public string String(string name) => Property(name).AsString();

        public string? OptionalString(string name) =>
            Value.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? new Node(value, $"{JsonPath}.{name}", File).AsString() : null;

        public IReadOnlyList<T> OptionalList<T>(string name, Func<Node, T> item) =>
            Value.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? new Node(value, $"{JsonPath}.{name}", File).List(item) : [];

        public string AsString() => Value.ValueKind == JsonValueKind.String ? Value.GetString()! : throw Problem("expected a string");

        public int AsInt32() => Value.ValueKind == JsonValueKind.Number && Value.TryGetInt32(out var number) ? number : throw Problem("expected an int32");

        public bool AsBoolean() => Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? Value.GetBoolean() : throw Problem("expected true or false");

        public IReadOnlyList<T> List<T>(Func<Node, T> item)
        {
            if (Value.ValueKind != JsonValueKind.Array)
            {
                throw Problem("expected an array");
            }

            var items = new List<T>(Value.GetArrayLength());
            var index = 0;
            foreach (var element in Value.EnumerateArray())
            {
                items.Add(item(new Node(element, $"{JsonPath}[{index++}]", File)));
            }

            return items;
        }

        public InvalidDataException Problem(string message) => new($"{File}: {JsonPath}: {message}.");
    }
}
