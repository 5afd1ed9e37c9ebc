namespace ContractHarness.Contracts.Catalog;

/// <summary>One operation of the contract, as <c>contracts/endpoints.json</c> records it.</summary>
public sealed record EndpointDefinition
{
    /// <summary>The page's id, e.g. <c>v1ContactEntity_PatchContactEntity</c>; also the OpenAPI operationId.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The page, relative to <c>contracts/</c>.</summary>
    public required string Source { get; init; }
    public required string Method { get; init; }
    /// <summary>Route template, e.g. <c>/api/v1/Contact/{id}</c>.</summary>
    public required string Route { get; init; }
    /// <summary>The collection segment of the route, e.g. <c>Contact</c>.</summary>
    public required string Resource { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<ParameterDefinition> PathParameters { get; init; }
    public required IReadOnlyList<ParameterDefinition> QueryParameters { get; init; }
    public required IReadOnlyList<HeaderDefinition> RequestHeaders { get; init; }
    /// <summary>Authorization schemes the Authorization header supports (<c>Basic</c>, <c>SoTicket</c>, <c>Bearer</c>).</summary>
    public required IReadOnlyList<string> AuthorizationSchemes { get; init; }
    /// <summary>Headers that may stand in for Authorization (<c>X-XSRF-TOKEN</c>).</summary>
    public required IReadOnlyList<string> AlternativeAuthorizationHeaders { get; init; }
    /// <summary>Conditional request headers the documented statuses name (<c>If-Unmodified-Since</c>).</summary>
    public required IReadOnlyList<string> PreconditionHeaders { get; init; }
    public required RequestBodyDefinition RequestBody { get; init; }
    /// <summary>Media types the page lists for responses.</summary>
    public required IReadOnlyList<string> ResponseContentTypes { get; init; }
    /// <summary>Entity name, e.g. <c>ContactEntity</c>.</summary>
    public required string Entity { get; init; }
    /// <summary>The entity's schema, relative to <c>contracts/</c>.</summary>
    public required string Schema { get; init; }
    public required string PrimaryKey { get; init; }
    /// <summary>The last-update stamp compared with <c>If-Unmodified-Since</c> (<c>UpdatedDate</c>; <c>LastChanged</c> for tickets).</summary>
    public required string LastUpdateField { get; init; }
    /// <summary>The carrier property naming who last updated the entity, when the entity has one.</summary>
    public string? UpdatedByField { get; init; }
    /// <summary>The page's sample response entity, relative to <c>contracts/</c>.</summary>
    public required string Fixture { get; init; }
    /// <summary>Primary key of the sample entity.</summary>
    public required int FixtureId { get; init; }
    /// <summary>The statuses the page lists: its documented outcomes, the ones a consumer contract covers.</summary>
    public required IReadOnlyList<ResponseDefinition> Responses { get; init; }
    /// <summary>The other statuses the server answers to this operation (400, 401, 413, 415, ...), each with the error body; as the generator derives them.</summary>
    public IReadOnlyList<ResponseDefinition> ServerResponses { get; init; } = [];
    /// <summary>The statuses of <c>GET</c> on the same route, which the real API and the mock serve though no page describes it.</summary>
    public IReadOnlyList<ResponseDefinition> ReadResponses { get; init; } = [];
}

/// <summary>A path or query parameter.</summary>
public sealed record ParameterDefinition(string Name, string Type, string Description, bool Required);

/// <summary>A documented request header.</summary>
public sealed record HeaderDefinition(string Name, string Description);

/// <summary>A documented status code and its description.</summary>
public sealed record ResponseDefinition(int Status, string Description);

/// <summary>What the request body holds.</summary>
public sealed record RequestBodyDefinition(RequestBodyKind Kind, string Name, string Description, IReadOnlyList<string> ContentTypes);

/// <summary>The kind of request body an operation takes.</summary>
public enum RequestBodyKind
{
    /// <summary>A JSON Patch array, or a JSON Merge Patch object converted to one.</summary>
    Patch,

    /// <summary>A whole entity that replaces the stored one.</summary>
    Entity,
}
