using System.Text.Json.Nodes;
using ContractHarness.Contracts.Generator.Pages;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>The schemas derived from a set of pages: one per entity and one per nested carrier.</summary>
internal sealed class SchemaSet
{
    internal SchemaSet(IReadOnlyList<EntitySchema> entities, IReadOnlyDictionary<string, JsonObject> carriers)
    {
        Entities = entities;
        Carriers = carriers;
    }

    public IReadOnlyList<EntitySchema> Entities { get; }

    /// <summary>Carrier schemas by name, sorted.</summary>
    public IReadOnlyDictionary<string, JsonObject> Carriers { get; }

    /// <summary>File name of a schema in <c>contracts/schemas</c>.</summary>
    public static string FileName(string name) => name + ShapeRenderer.RefSuffix;
}

/// <summary>An entity's schema and the page it comes from.</summary>
internal sealed record EntitySchema(string Name, ReferencePage Page, JsonObject Schema);
