using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Model;

/// <summary>Builds one <see cref="EntityModel"/> per catalog route (operations on the same route share it).</summary>
internal static class EntityModels
{
    public static IReadOnlyList<EntityModel> FromCatalog(EndpointCatalog catalog, CompiledSchemas schemas, string? fixturesDirectory)
    {
        var models = new List<EntityModel>();
        foreach (var group in catalog.Endpoints.GroupBy(e => e.Route, StringComparer.OrdinalIgnoreCase))
        {
            var endpoints = group.ToList();
            var first = endpoints[0];
            CheckRoute(first.Route);
            if (endpoints.Any(e => e.Entity != first.Entity))
            {
                throw new InvalidDataException($"The operations on {first.Route} disagree about the entity.");
            }

            var schemaName = Path.GetFileName(first.Schema)[..^".schema.json".Length];
            var (files, fixture) = fixturesDirectory is { Length: > 0 }
                ? (ContractFiles.Folder(fixturesDirectory), Path.GetFullPath(Path.Combine(fixturesDirectory, Path.GetFileName(first.Fixture))))
                : (catalog.Files, catalog.PathOf(first.Fixture));
            models.Add(new EntityModel(endpoints, schemas.Get(schemaName), fixture) { FixtureFiles = files });
        }

        return models;
    }

    /// <summary>Routes must end in one <c>{id}</c> segment (the HTTP room also keeps them out of its admin prefix).</summary>
    private static void CheckRoute(string route)
    {
        var brace = route.IndexOf('{', StringComparison.Ordinal);
        if (!route.StartsWith('/') || brace < 1 || route[brace - 1] != '/' || !route.EndsWith('}') || route.IndexOf('{', brace + 1) >= 0)
        {
            throw new InvalidDataException($"Route '{route}' is not of the form /path/{{id}}.");
        }
    }
}
