using System.Collections.Concurrent;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Admin;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Persistence;
using ContractHarness.MockServer.Seeding;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Hosting;

/// <summary>Everything one running mock shares: options, catalog-driven models, the store, the journal and policies.</summary>
internal sealed class MockContext : IDisposable
{
    private MockContext(MockServerOptions options, EndpointCatalog catalog, EntityStore store)
    {
        Options = options;
        Catalog = catalog;
        Store = store;
        Routes = new EntityRoutes(store.Models);
        Journal = new RequestJournal(Math.Max(options.JournalSize, 1));
        Cors = new CorsPolicy(options.CorsOrigins);
        Hosts = new HostPolicy(options.Host, options.AllowedHosts);
        ProviderStates = new ProviderStates(store);
        Log = options.LogWriter ?? Console.Out;
        RequestLog = options.LogRequests ? new RequestLogWriter(Log) : null;
    }

    public MockServerOptions Options { get; }

    public EndpointCatalog Catalog { get; }

    public EntityStore Store { get; }

    public EntityRoutes Routes { get; }

    public RequestJournal Journal { get; }

    public CorsPolicy Cors { get; }

    public HostPolicy Hosts { get; }

    public ProviderStates ProviderStates { get; }

    public TimeProvider Time => Options.TimeProvider;

    public TextWriter Log { get; }

    /// <summary>The request lines' writer, when <see cref="MockServerOptions.LogRequests"/> is on.</summary>
    public RequestLogWriter? RequestLog { get; }

    public static MockContext Create(MockServerOptions options)
    {
        // The data folder opens while the contracts load (both take a while on a cold start).
        var opening = options.DataDirectory is { Length: > 0 } data ? Task.Run(() => EntityDatabase.Open(data, options.LogWriter ?? Console.Out)) : null;
        EndpointCatalog catalog;
        SeedData seed;
        try
        {
            (catalog, seed) = Load(options);
        }
        catch
        {
            opening?.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        return new MockContext(options, catalog, new EntityStore(seed, opening?.GetAwaiter().GetResult(), options.TimeProvider));
    }

    /// <summary>
    /// The catalog, models and seed of a contract set, loaded once per process: they are immutable, so mocks
    /// started later in the same process (tests) share them and start in milliseconds. A changed catalog file
    /// is a different key.
    /// </summary>
    private static (EndpointCatalog Catalog, SeedData Seed) Load(MockServerOptions options)
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

    /// <summary>Writes the queued request lines; then <see cref="Dispose"/>.</summary>
    public async ValueTask FlushRequestLogAsync()
    {
        if (RequestLog is not null)
        {
            await RequestLog.DisposeAsync();
        }
    }

    public void Dispose()
    {
        RequestLog?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Store.Dispose();
    }

    private static string ContractsDirectory(MockServerOptions options)
    {
        if (!string.IsNullOrEmpty(options.ContractsDirectory))
        {
            return Path.GetFullPath(options.ContractsDirectory);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "contracts");
        return File.Exists(Path.Combine(beside, EndpointCatalog.FileName)) ? beside : EndpointCatalog.Locate();
    }
}
