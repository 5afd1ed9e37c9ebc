using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.Pact.Schema;

/// <summary>
/// Builds a response body full of matchers from an entity's JSON Schema and an example instance, so a consumer
/// test relies on the shape the contract defines rather than on the example's values. The example decides which
/// fields appear (and is what the mock answers with); the schema decides how each is matched:
/// <list type="bullet">
/// <item><c>integer</c> → <c>integer</c>; <c>number</c> → <c>number</c> (accepts <c>0</c> and <c>0.5</c> alike, as a
/// double field may be serialised either way); <c>boolean</c> and <c>string</c> → <c>type</c>;</item>
/// <item>strings with a <c>pattern</c> → a regex matcher on that pattern (the contracts' date-times carry one);
/// otherwise strings with <c>format: date-time</c> → a regex for ISO 8601 date-times, with optional fraction and offset
/// (<c>2026-11-22T10:00:00</c>, <c>2013-02-21T15:29:29.5607019+01:00</c>); <c>format: date</c> → a date regex;</item>
/// <item>arrays → <c>type</c> with <c>min: 0</c> and the first example element (matched recursively) as the
/// template for every element; objects → recursively, following <c>$ref</c>s; maps (<c>additionalProperties</c>
/// schemas) → <c>values</c>, each value matched by the value schema;</item>
/// <item>a null in the example → plain <c>null</c>, without a matcher. The engine's <c>null</c> matcher accepts only
/// null and a <c>type</c> matcher on null also accepts only null, so nothing better exists: the provider must then
/// answer null too. Pin something else through <see cref="SchemaMatcherOptions.Overrides"/> when the test needs it;</item>
/// <item>fields the schema does not describe → matched by their JSON type (numbers as <c>number</c>).</item>
/// </list>
/// A nullable field whose example is not null is matched by the example's type, so the provider must not answer
/// null there: give the provider state data that fills it, or override the field.
/// </summary>
public static class SchemaMatchers
{
    /// <summary>ISO 8601 date-time, optional fraction, optional <c>Z</c> or offset.</summary>
    public const string IsoDateTimeRegex = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$";

    /// <summary>ISO 8601 calendar date.</summary>
    public const string IsoDateRegex = @"^\d{4}-\d{2}-\d{2}$";

    /// <summary>Reads <paramref name="schemaPath"/> and returns <paramref name="example"/> as integration JSON with a matcher per field.</summary>
    /// <param name="schemaPath">The entity's schema file; <c>$ref</c>s are resolved relative to it.</param>
    /// <param name="example">An instance of the entity, e.g. a documentation sample.</param>
    /// <param name="options">Overrides and settings.</param>
    public static JsonNode? FromSchemaFile(string schemaPath, JsonNode? example, SchemaMatcherOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaPath);
        var schema = CompiledSchemas.ReadFile(schemaPath, ignoreUnknownKeywords: true);
        return new MatcherBodyBuilder(options ?? new SchemaMatcherOptions()).Build(example, schema);
    }

    /// <summary>Same as <see cref="FromSchemaFile(string, JsonNode?, SchemaMatcherOptions?)"/> with the example as JSON text.</summary>
    public static JsonNode? FromSchemaFile(string schemaPath, string exampleJson, SchemaMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exampleJson);
        return FromSchemaFile(schemaPath, JsonNode.Parse(exampleJson), options);
    }
}
