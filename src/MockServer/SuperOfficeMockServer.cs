using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;

namespace ContractHarness.MockServer;

/// <summary>
/// A running mock of the catalog's SuperOffice endpoints on a real Kestrel socket, in-process:
/// <code>
/// await using var mock = await SuperOfficeMockServer.StartAsync();          // a free port on 127.0.0.1
/// var client = new HttpClient { BaseAddress = mock.BaseAddress };
/// </code>
/// </summary>
public sealed class SuperOfficeMockServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MockContext _context;

    private SuperOfficeMockServer(WebApplication app, MockContext context, Uri baseAddress)
    {
        _app = app;
        _context = context;
        BaseAddress = baseAddress;
    }

    /// <summary>The root URL with a trailing slash, e.g. <c>http://127.0.0.1:5080/</c> (ready for <c>HttpClient.BaseAddress</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The root URL without a trailing slash, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string Url => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The port the server listens on.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>The options the server runs with.</summary>
    public SuperOfficeMockServerOptions Options => _context.Options;

    /// <summary>The catalog's routes and how many entities each has now, e.g. <c>/api/v1/Contact/{id}</c> → 100.</summary>
    public IReadOnlyDictionary<string, int> EntityCounts => _context.Store.Models.ToDictionary(m => m.Route, _context.Store.Count);

    /// <summary>Starts a mock on a free port of 127.0.0.1 with every other option at its default.</summary>
    public static Task<SuperOfficeMockServer> StartAsync() => StartAsync(new SuperOfficeMockServerOptions { Port = 0 });

    /// <summary>Loads the contracts, seeds the data (replaying the data folder when there is one) and starts listening.</summary>
    public static async Task<SuperOfficeMockServer> StartAsync(SuperOfficeMockServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The contracts load (catalog, schemas, samples) on another thread while this one builds and starts the host:
        // together they are most of the start-up. A request that arrives before the contracts are in waits for them.
        var loading = Task.Run(() => MockLoader.Load(options), CancellationToken.None);
        WebApplication? app = null;
        MockContext? context = null;
        try
        {
            app = MockApplication.CreateHost(options);
            MockApplication.MapMock(app, loading);
            await app.StartAsync(cancellationToken);
            context = await loading;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var uri = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal) + "/");
            return new SuperOfficeMockServer(app, context, uri);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (context is null)
            {
                // The host failed while the contracts were loading: close what they opened (the data folder).
                context = await loading.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
            }

            context?.Dispose();
            throw;
        }
    }

    /// <summary>The mocked routes: methods, template, entity count and the page sample's id.</summary>
    internal IEnumerable<(string Methods, string Route, int Count, int SampleId)> Routes =>
        _context.Store.Models.Select(m => (_context.Routes.AllowFor(m), m.Route, _context.Store.Count(m), m.FixtureId));

    /// <summary>The entities of <c>--replay</c>, with their violations, or null.</summary>
    internal Store.Seeding.RecordedEntities? Recorded => _context.Store.Seed.Recorded;

    /// <summary>Restores the seed state and removes every fault rule (as <c>POST /__admin/reset</c> does). Sessions keep their worlds.</summary>
    /// <exception cref="IOException">The data folder cannot store the reset now (its storage fails); nothing changed.</exception>
    public void Reset() => _context.ResetOrThrow();

    /// <summary>
    /// A new client of this mock in session <paramref name="name"/>: every request it sends carries
    /// <c>X-Mock-Session</c>, so it sees its own copy of the data, started from the seed on first use (its resets and
    /// provider states through <c>/__admin</c> touch only that copy). The caller disposes it.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, longer than <see cref="SuperOfficeMockSession.MaxNameLength"/> or not visible ASCII.</exception>
    public HttpClient Session(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Operations.Sessions.SessionName.Problem(name) is { } problem)
        {
            throw new ArgumentException($"The session name '{name}' {problem}.", nameof(name));
        }

        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(SuperOfficeMockSession.Header, name);
        return client;
    }

    /// <summary>Stops listening and closes the data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _context.FlushRequestLogAsync();
        _context.Dispose();
    }
}
