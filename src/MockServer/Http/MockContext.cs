using System.Collections.Concurrent;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Http;

/// <summary>Everything one running mock shares: options, catalog-driven models, the store, the journal and policies (<see cref="Hosting.MockLoader"/> makes it).</summary>
internal sealed class MockContext : IDisposable
{
    public MockContext(SuperOfficeMockServerOptions options, EndpointCatalog catalog, EntityStore store)
    {
        Options = options;
        Catalog = catalog;
        Store = store;
        Routes = new EntityRoutes(store.Models);
        Journal = new RequestJournal(Math.Max(options.JournalSize, 1), Math.Max(options.JournalBodyBytes, 0));
        Cors = new CorsPolicy(options.CorsOrigins);
        Hosts = new HostPolicy(options.Host, options.AllowedHosts);
        ProviderStates = new ProviderStates(store);
        Changes = new EntityChanges(store.Seed, options.TimeProvider, options.IgnorePreconditions);
        Log = options.LogWriter ?? Console.Out;
        RequestLog = options.LogRequests ? new RequestLogWriter(Log) : null;
    }

    public SuperOfficeMockServerOptions Options { get; }

    public EndpointCatalog Catalog { get; }

    public EntityStore Store { get; }

    public EntityRoutes Routes { get; }

    public RequestJournal Journal { get; }

    public CorsPolicy Cors { get; }

    public HostPolicy Hosts { get; }

    public ProviderStates ProviderStates { get; }

    /// <summary>What updates make of an entity, under its lock.</summary>
    public EntityChanges Changes { get; }

    public TimeProvider Time => Options.TimeProvider;

    public TextWriter Log { get; }

    /// <summary>The request lines' writer, when <see cref="SuperOfficeMockServerOptions.LogRequests"/> is on.</summary>
    public RequestLogWriter? RequestLog { get; }

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
}
