using System.Collections.Concurrent;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Operations.Coverage;
using ContractHarness.MockServer.Operations.Sessions;
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
        Violations = new ViolationLog(options.TimeProvider);
        Cors = new CorsPolicy(options.CorsOrigins);
        Hosts = new HostPolicy(options.Host, options.AllowedHosts);
        ProviderStates = new ProviderStates(store);
        Changes = new EntityChanges(store.Seed, options.TimeProvider, options.IgnorePreconditions);
        Log = options.LogWriter ?? Console.Out;
        RequestLog = options.LogRequests ? new RequestLogWriter(Log) : null;
        Faults = new FaultRules(options.Seed, Math.Max(options.MaxFaultRules, 0));
        Latency = LatencyOf(options);
        Operations = CatalogOperations.From(store.Models);
        Coverage = new CoverageCounts(Operations);
        Sessions = new SessionRegistry(
            store, Operations, Math.Max(options.MaxSessions, 0), options.SessionIdleMinutes > 0 ? TimeSpan.FromMinutes(options.SessionIdleMinutes) : null, options.TimeProvider);
    }

    public SuperOfficeMockServerOptions Options { get; }

    public EndpointCatalog Catalog { get; }

    public EntityStore Store { get; }

    public EntityRoutes Routes { get; }

    public RequestJournal Journal { get; }

    /// <summary>The contract violations of proxied exchanges (<c>--proxy</c>), summed for <c>/__admin/violations</c>.</summary>
    public ViolationLog Violations { get; }

    public CorsPolicy Cors { get; }

    public HostPolicy Hosts { get; }

    public ProviderStates ProviderStates { get; }

    /// <summary>What updates make of an entity, under its lock.</summary>
    public EntityChanges Changes { get; }

    /// <summary>The fault rules of <c>/__admin/faults</c>; a reset clears them.</summary>
    public FaultRules Faults { get; }

    /// <summary>The delay of every catalog answer (<see cref="SuperOfficeMockServerOptions.Latency"/>), or null for none.</summary>
    public DelayRange? Latency { get; }

    /// <summary>The catalog's operations and the statuses each documents.</summary>
    public CatalogOperations Operations { get; }

    /// <summary>The answers of all traffic, by operation and status (<c>/__admin/coverage</c>); each session counts its own as well.</summary>
    public CoverageCounts Coverage { get; }

    /// <summary>The sessions (<c>X-Mock-Session</c>), each a world of its own beside the default world, <see cref="Store"/>.</summary>
    public SessionRegistry Sessions { get; }

    public TimeProvider Time => Options.TimeProvider;

    public TextWriter Log { get; }

    /// <summary>The request lines' writer, when <see cref="SuperOfficeMockServerOptions.LogRequests"/> is on.</summary>
    public RequestLogWriter? RequestLog { get; }

    /// <summary>Disposes <paramref name="resource"/> with this context (what a room above builds for it, such as the proxy's connections).</summary>
    public void Own(IDisposable resource)
    {
        lock (_owned)
        {
            _owned.Add(resource);
        }
    }

    private readonly List<IDisposable> _owned = [];

    /// <summary>
    /// Back to the seed, without fault rules (<c>POST /__admin/reset</c>, the engine's and the server's Reset); or, when
    /// the data folder cannot store that, nothing changed and its 503.
    /// </summary>
    public MockHttpException? Reset()
    {
        if (Store.Reset() is { } refused)
        {
            return refused;
        }

        Faults.Reset();
        return null;
    }

    /// <summary><see cref="Reset"/> for the public API: a refusal is an <see cref="IOException"/>.</summary>
    public void ResetOrThrow()
    {
        if (Reset() is { } refused)
        {
            throw new IOException(refused.Message);
        }
    }

    /// <summary>Writes the queued request lines; then <see cref="Dispose"/>.</summary>
    public async ValueTask FlushRequestLogAsync()
    {
        if (RequestLog is not null)
        {
            await RequestLog.DisposeAsync();
        }
    }

    /// <exception cref="ArgumentException">The latency is negative, reversed or longer than a minute.</exception>
    private static DelayRange? LatencyOf(SuperOfficeMockServerOptions options)
    {
        if (options.Latency is not { } min || (min == TimeSpan.Zero && (options.LatencyMax ?? TimeSpan.Zero) == TimeSpan.Zero))
        {
            return null;
        }

        var max = options.LatencyMax ?? min;
        var problem = DelayRange.Check((long)min.TotalMilliseconds, (long)max.TotalMilliseconds);
        return problem is null
            ? new DelayRange((int)min.TotalMilliseconds, (int)max.TotalMilliseconds, options.LatencyMax is not null)
            : throw new ArgumentException($"Latency: {problem}.", nameof(options));
    }

    public void Dispose()
    {
        RequestLog?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        lock (_owned)
        {
            foreach (var resource in _owned)
            {
                resource.Dispose();
            }

            _owned.Clear();
        }

        Store.Dispose();
    }
}
