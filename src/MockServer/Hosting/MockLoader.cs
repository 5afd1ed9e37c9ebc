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
    /// <exception cref="ArgumentException">Options that do not go together (<see cref="StartChecks.Combination"/>).</exception>
    /// <exception cref="ReplayFolderException">The <c>--replay</c> folder or one of its entities cannot be read.</exception>
    public static MockContext Load(SuperOfficeMockServerOptions options)
    {
        if (StartChecks.Combination(options) is { } combination)
        {
            throw new ArgumentException(combination + ".", nameof(options));
        }

        // The data folder opens while the contracts load (both take a while on a cold start).
        var opening = options.DataDirectory is { Length: > 0 } data ? Task.Run(() => EntityDatabase.Open(data, options.LogWriter ?? Console.Out, options.TimeProvider)) : null;
        EndpointCatalog catalog;
        SeedData seed;
        try
        {
            (catalog, seed) = Contracts(options);
            if (options.ReplayDirectory is { Length: > 0 } replay)
            {
                seed = seed.WithRecorded(RecordedEntities.Load(replay, seed.Models));
            }
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
        var files = options.ContractsDirectory is { Length: > 0 } directory ? ContractFiles.Folder(directory) : ContractFiles.Embedded;
        var catalogFile = files.PathOf(EndpointCatalog.FileName);
        var key = new LoadKey(files.Root, files == ContractFiles.Embedded || !File.Exists(catalogFile) ? default : File.GetLastWriteTimeUtc(catalogFile),
            options.FixturesDirectory is { Length: > 0 } f ? Path.GetFullPath(f) : null, options.Seed, Math.Max(options.EntityCount, 0));
        if (Loaded.TryGetValue(key, out var loaded))
        {
            return loaded;
        }

        var catalog = EndpointCatalog.Load(files);
        var schemas = new CompiledSchemas(files);
        var models = EntityModels.FromCatalog(catalog, schemas, key.Fixtures);
        loaded = (catalog, SeedData.Build(models, key.Seed, key.Count));
        return Loaded.GetOrAdd(key, loaded);
    }

    private static readonly ConcurrentDictionary<LoadKey, (EndpointCatalog, SeedData)> Loaded = new();

    private sealed record LoadKey(string Directory, DateTime CatalogWritten, string? Fixtures, int Seed, int Count);
}
