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
        ProviderStates = new ProviderStates(store);
        Log = options.LogWriter ?? Console.Out;
    }

    public MockServerOptions Options { get; }

    public EndpointCatalog Catalog { get; }

    public EntityStore Store { get; }

    public EntityRoutes Routes { get; }

    public RequestJournal Journal { get; }

    public CorsPolicy Cors { get; }

    public ProviderStates ProviderStates { get; }

    public TimeProvider Time => Options.TimeProvider;

    public TextWriter Log { get; }

    public static MockContext Create(MockServerOptions options)
    {
        var catalog = EndpointCatalog.Load(ContractsDirectory(options));
        var schemas = new CompiledSchemas(catalog.PathOf("schemas"));
        var models = EntityModels.FromCatalog(catalog, schemas, options.FixturesDirectory);
        var seed = SeedData.Build(models, options.Seed, Math.Max(options.EntityCount, 0));
        var log = options.DataDirectory is { Length: > 0 } data ? new WriteAheadLog(data) : null;
        return new MockContext(options, catalog, new EntityStore(seed, log));
    }

    public void Dispose() => Store.Dispose();

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
