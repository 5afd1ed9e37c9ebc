using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Operations.Sessions;
using ContractHarness.MockServer.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractHarness.MockServer;

/// <summary>
/// The mock without a socket: the same request handling as <see cref="SuperOfficeMockServer"/> (one pipeline, no
/// second implementation), called in memory: by a test through <see cref="CreateClient"/> (no port, so parallel
/// test classes never compete for one), or by another host, e.g. a WireMock.Net response callback:
/// <code>
/// using var engine = SuperOfficeMockEngine.Start(new Uri("http://mock.test/"));
/// using var client = engine.CreateClient();
/// var contact = await client.GetStringAsync("/api/v1/Contact/66");
/// </code>
/// </summary>
public sealed class SuperOfficeMockEngine : IDisposable
{
    private readonly MockContext _context;
    private readonly RequestDelegate _pipeline;
    private readonly string _scheme;
    private readonly string _host;

    private SuperOfficeMockEngine(MockContext context, Uri baseAddress)
    {
        _context = context;
        _pipeline = MockHandler.Build(context);
        BaseAddress = baseAddress;
        _scheme = baseAddress.Scheme;
        _host = baseAddress.Authority;
    }

    /// <summary>The address the answers' <c>_Links</c> point to: the host that carries the engine.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the engine runs with.</summary>
    public SuperOfficeMockServerOptions Options => _context.Options;

    /// <summary>
    /// The catalog's routes and the methods each serves, e.g. <c>/api/v1/Contact/{id}</c> → <c>GET, HEAD, PATCH</c>
    /// (the <c>Allow</c> header's value): what a carrier routes to the engine.
    /// </summary>
    public IReadOnlyDictionary<string, string> Routes => _context.Store.Models.ToDictionary(m => m.Route, _context.Routes.AllowFor, StringComparer.Ordinal);

    /// <summary>
    /// Loads the contracts and seeds the data as <see cref="SuperOfficeMockServer.StartAsync(SuperOfficeMockServerOptions, CancellationToken)"/>
    /// does, without listening anywhere. The engine answers for <paramref name="baseAddress"/>, whatever its host name
    /// (besides the names <see cref="SuperOfficeMockServerOptions.AllowedHosts"/> allows): its <c>_Links</c> point there.
    /// </summary>
    public static SuperOfficeMockEngine Start(Uri baseAddress, SuperOfficeMockServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address must be absolute (e.g. http://mock.test/), not '{baseAddress}'.", nameof(baseAddress));
        }

        var context = MockLoader.Load(options ?? new SuperOfficeMockServerOptions());
        context.Hosts.Allow(baseAddress.IdnHost);
        return new SuperOfficeMockEngine(context, baseAddress);
    }

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> that answers every request in memory, as the Kestrel host would (status,
    /// reason phrase, headers, body), with no socket. An aborted answer (a fault rule with <c>abort</c>) is an
    /// <see cref="HttpRequestException"/>, as a reset connection is. The handler does not own the engine.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new EngineHandler(this);

    /// <summary>An <see cref="HttpClient"/> over <see cref="CreateHandler"/>, its <see cref="HttpClient.BaseAddress"/> the engine's.</summary>
    public HttpClient CreateClient() => new(CreateHandler()) { BaseAddress = BaseAddress };

    /// <summary>
    /// Answers one request exactly as the Kestrel host would (status, reason phrase, headers, body). Where Kestrel would
    /// reset the connection (a fault rule with <c>abort</c>), the answer is <see cref="MockResponse.Aborted"/>, status 0.
    /// </summary>
    public Task<MockResponse> HandleAsync(MockRequest request, CancellationToken cancellationToken = default) =>
        HandleAsync(request, keepHost: false, cancellationToken);

    /// <param name="request">The request.</param>
    /// <param name="keepHost">
    /// True to answer for the request's own <c>Host</c> header when it has one (a client of <see cref="CreateHandler"/>
    /// that names a host, as a browser or a test of the host policy does); false to answer for <see cref="BaseAddress"/>
    /// always (a carrier such as WireMock.Net hands on the headers it received).
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    internal async Task<MockResponse> HandleAsync(MockRequest request, bool keepHost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new InMemoryResponse();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(RequestFeature(request, keepHost));
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(response);
        var lifetime = new InMemoryLifetime(cancellationToken);
        features.Set<IHttpRequestLifetimeFeature>(lifetime);
        await _pipeline(new DefaultHttpContext(features));
        if (lifetime.Aborted)
        {
            // A socket would be reset here, with no status line: nothing of the response is real.
            return new MockResponse(0, string.Empty, new Dictionary<string, string>(), []) { Aborted = true };
        }

        await response.CompleteAsync();
        var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new MockResponse(response.StatusCode, response.ReasonPhrase ?? ReasonPhrases.GetReasonPhrase(response.StatusCode), headers, response.BodyBytes);
    }

    /// <summary>
    /// Arranges a provider state, as <c>POST /__admin/provider-states</c> does, e.g. <c>Setup("Contact 66 exists")</c>
    /// or <c>Setup("the seed data is loaded")</c>. Throws <see cref="ArgumentException"/> for a state the mock does not know,
    /// <see cref="InvalidOperationException"/> when the state would add more entities than
    /// <see cref="SuperOfficeMockServerOptions.MaxAddedEntities"/>, and <see cref="IOException"/> when the data folder
    /// cannot store it.
    /// </summary>
    public void Setup(string state) => Setup(_context.Store, state);

    /// <summary>Restores the seed state and removes every fault rule (as <c>POST /__admin/reset</c> does). Sessions keep their worlds.</summary>
    /// <exception cref="IOException">The data folder cannot store the reset now (its storage fails); nothing changed.</exception>
    public void Reset() => _context.ResetOrThrow();

    /// <summary>
    /// Session <paramref name="name"/> of this engine: every request through it carries <c>X-Mock-Session</c>, so it
    /// sees its own copy of the data, started from the seed on first use; its setups and resets touch only that copy.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, longer than <see cref="SuperOfficeMockSession.MaxNameLength"/> or not visible ASCII.</exception>
    public SuperOfficeMockSession Session(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SessionName.Problem(name) is { } problem
            ? throw new ArgumentException($"The session name '{name}' {problem}.", nameof(name))
            : new SuperOfficeMockSession(this, name);
    }

    /// <summary>Drops session <paramref name="name"/> (as <c>DELETE /__admin/sessions/{name}</c>): its next use starts from the seed. False when there is none.</summary>
    public bool DropSession(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _context.Sessions.Drop(name);
    }

    /// <summary>Runs <paramref name="action"/> on the store of session <paramref name="name"/>, entered for the while.</summary>
    /// <exception cref="InvalidOperationException">The session cannot start (the session bound, or sessions are off).</exception>
    internal void InSession(string name, Action<EntityStore> action)
    {
        var session = _context.Sessions.Enter(name, out var refused) ?? throw new InvalidOperationException(refused!.Message);
        try
        {
            action(session.Store);
        }
        finally
        {
            _context.Sessions.Leave(session);
        }
    }

    /// <summary>Arranges a provider state in <paramref name="world"/>.</summary>
    internal void Setup(EntityStore world, string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        _context.ProviderStates.Apply(world, new ProviderStateRequestModel("setup", state, null, null), out var refused);
        switch (refused?.Status)
        {
            case null:
                return;
            case StatusCodes.Status409Conflict:
                throw new InvalidOperationException(refused.Message);
            case StatusCodes.Status503ServiceUnavailable:
                throw new IOException(refused.Message);
            default:
                throw new ArgumentException(refused.Message, nameof(state));
        }
    }

    /// <summary>The requests answered most recently, newest first (at most <see cref="SuperOfficeMockServerOptions.JournalSize"/>).</summary>
    public IReadOnlyList<MockJournalEntry> Journal => [.. _context.Journal.Snapshot().Entries.Select(e => JournalEndpoints.ToModel(_context.Routes, e)).Select(static e =>
        new MockJournalEntry(e.Time, e.Method, e.Path, e.Status, e.Milliseconds)
        {
            Id = e.Id,
            Operation = e.Operation,
            Fault = e.Fault,
            RequestHeaders = e.RequestHeaders,
            RequestBody = e.RequestBody,
            RequestBodyTruncated = e.RequestBodyTruncated,
            ResponseBody = e.ResponseBody,
            ResponseBodyTruncated = e.ResponseBodyTruncated,
            BodiesDropped = e.BodiesDropped,
            Session = e.Session,
            Errors = e.Errors is { } errors ? [.. errors.Select(static error => new SchemaError(error.Path, error.Kind, error.Message))] : [],
        })];

    /// <summary>Forgets the journal's entries (as <c>DELETE /__admin/requests</c> does).</summary>
    public void ClearJournal() => _context.Journal.Clear();

    /// <summary>Writes the queued request-log lines and closes the data folder.</summary>
    public void Dispose() => _context.Dispose();

    private HttpRequestFeature RequestFeature(MockRequest request, bool keepHost)
    {
        var query = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? request.PathAndQuery : request.PathAndQuery[..query];
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        // The engine answers for its carrier's address (the _Links point there, and the host policy sees that name),
        // unless its own client named a host.
        if (!keepHost || headers.Host.Count == 0)
        {
            headers.Host = _host;
        }

        var body = request.Body ?? [];
        if (body.Length > 0 && !headers.ContainsKey("Content-Length") && !headers.ContainsKey("Transfer-Encoding"))
        {
            headers.ContentLength = body.Length;
        }

        return new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Scheme = _scheme,
            Method = request.Method,
            PathBase = string.Empty,
            Path = PathString.FromUriComponent(path.Length == 0 ? "/" : path).Value ?? "/",
            QueryString = query < 0 ? string.Empty : request.PathAndQuery[query..],
            RawTarget = request.PathAndQuery,
            Headers = headers,
            Body = new MemoryStream(body, writable: false),
        };
    }
}
