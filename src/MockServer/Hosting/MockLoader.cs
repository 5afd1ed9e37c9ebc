using System.Collections.Concurrent;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Persistence;
using ContractHarness.MockServer.Store.Seeding;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Hosting;

/// <summary>Makes a <see cref="MockContext"/>: the contracts (catalog, schemas, seed), the data folder, the store.</summary>
internal static class MockLoader
{
    public static MockContext Load(SuperOfficeMockServerOptions options)
    {
        // The data folder opens while the contracts load (both take a while on a cold start).
        var opening = options.DataDirectory is { Length: > 0 } data ? Task.Run(() => EntityDatabase.Open(data, options.LogWriter ?? Console.Out, options.TimeProvider)) : null;
        EndpointCatalog catalog;
        SeedData seed;
        try
        {
            (catalog, seed) = Contracts(options);
        }
        catch
        {
            opening?.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        return new MockContext(options, catalog, new EntityStore(seed, opening?.GetAwaiter().GetResult(), options.TimeProvider, Math.Max(options.MaxAddedEntities, 0)));
    }

    /// <summary>
    /// The catalog, models and seed of a contract set, loaded once per process: they are immutable, so mocks
    /// started later in the same process (tests) share them and start in milliseconds. A changed catalog file
    /// is a different key.
    /// </summary>
    private static (EndpointCatalog Catalog, SeedData Seed) Contracts(SuperOfficeMockServerOptions options)
    {
        var directory = ContractsDirectory(options);
        var catalogFile = Path.Combine(directory, EndpointCatalog.FileName);
        var key = new LoadKey(directory, File.Exists(catalogFile) ? File.GetLastWriteTimeUtc(catalogFile) : default,
            options.FixturesDirectory is { Length: > 0 } f ? Path.GetFullPath(f) : null, options.Seed, Math.Max(options.EntityCount, 0));
        if (Loaded.TryGetValue(key, out var loaded))
        {
            return loaded;
        }

        var catalog = EndpointCatalog.Load(directory);
        var schemas = new CompiledSchemas(catalog.PathOf("schemas"));
        var models = EntityModels.FromCatalog(catalog, schemas, key.Fixtures);
        loaded = (catalog, SeedData.Build(models, key.Seed, key.Count));
        return Loaded.GetOrAdd(key, loaded);
    }

    private static readonly ConcurrentDictionary<LoadKey, (EndpointCatalog, SeedData)> Loaded = new();

    private sealed record LoadKey(string Directory, DateTime CatalogWritten, string? Fixtures, int Seed, int Count);

    private static string ContractsDirectory(SuperOfficeMockServerOptions options)
    {
        if (!string.IsNullOrEmpty(options.ContractsDirectory))
        {
            return Path.GetFullPath(options.ContractsDirectory);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "contracts");
        return File.Exists(Path.Combine(beside, EndpointCatalog.FileName)) ? beside : EndpointCatalog.Locate();
    }
}
