namespace ContractHarness.MockServer;

/// <summary>
/// Settings of a mock server, with the defaults <c>make mock</c> uses. Bind them from a command line and the
/// environment with the command line's options parser.
/// </summary>
public sealed class SuperOfficeMockServerOptions
{
    /// <summary>The default port (<c>--port</c>, <c>CONTRACTHARNESS_PORT</c>).</summary>
    public const int DefaultPort = 5080;

    /// <summary>The bind address (<c>--host</c>): loopback by default; <c>0.0.0.0</c> or <c>*</c> for every interface.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (what <see cref="SuperOfficeMockServer.StartAsync()"/> does).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Seed of the generated data: the same seed gives the same entities, byte for byte.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How many entities each route has (ids 1 to this), besides the page's sample at its own id.</summary>
    public int EntityCount { get; set; } = 100;

    /// <summary>A <c>contracts/</c> folder to run on instead of the contract set built into the library (<c>ContractFiles.Embedded</c>).</summary>
    public string? ContractsDirectory { get; set; }

    /// <summary>A folder of sample entities (<c>ContactEntity.json</c>, ...) used instead of <c>contracts/fixtures</c>.</summary>
    public string? FixturesDirectory { get; set; }

    /// <summary>When true, a request with neither an Authorization header (Basic, SoTicket, Bearer) nor X-XSRF-TOKEN gets 401.</summary>
    public bool RequireAuth { get; set; }

    /// <summary>
    /// Browser origins allowed besides <c>http(s)://localhost:*</c>, <c>http(s)://127.0.0.1:*</c> and <c>http(s)://[::1]:*</c>,
    /// e.g. <c>https://app.example.com</c>; <c>*</c> allows every origin.
    /// </summary>
    public IList<string> CorsOrigins { get; set; } = [];

    /// <summary>
    /// Host names (of the <c>Host</c> header, any port) served besides loopback (<c>localhost</c>, <c>127.0.0.1</c>,
    /// <c>[::1]</c>) and the bound address; <c>*</c> serves any. Other hosts get 421, which keeps a DNS-rebinding
    /// page (an attacker's name resolving to this machine) from reading or changing the mock.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>When set, every <c>/__admin</c> request except <c>GET health</c> needs <c>Authorization: Bearer</c> with this token.</summary>
    public string? AdminToken { get; set; }

    /// <summary>A folder where accepted updates are kept across restarts; null keeps state in memory only.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The clock behind last-update stamps and the journal; tests pass a manual one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many recent requests <c>GET /__admin/requests</c> keeps.</summary>
    public int JournalSize { get; set; } = 1000;

    /// <summary>
    /// How many bytes of request and response bodies the journal holds in all (each body is cut at 16 KiB); past it the
    /// oldest entries give up their bodies first and stay, flagged <c>bodiesDropped</c>. 0 keeps no bodies. Kept bodies
    /// outlive their request, which costs the garbage collector under load: the default is small.
    /// </summary>
    public long JournalBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Print one line per request (method, path, status, milliseconds) to <see cref="LogWriter"/>.</summary>
    public bool LogRequests { get; set; } = true;

    /// <summary>Where the banner and request lines go; default: standard output.</summary>
    public TextWriter? LogWriter { get; set; }

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many fault rules <c>/__admin/faults</c> holds at once; a rule past it is refused with 409 and nothing is added.</summary>
    public int MaxFaultRules { get; set; } = 100;

    /// <summary>
    /// How many entities provider states may add outside the seed (ids past <see cref="EntityCount"/>), all routes
    /// together; a state that would add one more is refused with 409 and changes nothing. A reset removes them.
    /// </summary>
    public int MaxAddedEntities { get; set; } = 10_000;

    /// <summary>
    /// A delay before every catalog answer (<c>--latency MS</c>), or the shortest of a range with <see cref="LatencyMax"/>
    /// (<c>--latency MIN-MAX</c>: each answer waits a time drawn evenly between the two, from the seed). Null or zero: none.
    /// At most a minute. The admin API is never delayed.
    /// </summary>
    public TimeSpan? Latency { get; set; }

    /// <summary>The longest delay of a <see cref="Latency"/> range; null for a fixed latency.</summary>
    public TimeSpan? LatencyMax { get; set; }

    /// <summary>
    /// A tenant's base URL (<c>--proxy</c>, http or https): every request to a catalog route is forwarded to this URL plus
    /// the request's path and query, and the tenant's answer comes back unchanged, checked against the contract both
    /// ways (the count in <c>X-Contract-Violations</c>, the details in the journal and <c>GET /__admin/violations</c>).
    /// Null: the mock answers itself. No credentials in the URL: the client's <c>Authorization</c> is passed on.
    /// </summary>
    public Uri? Proxy { get; set; }

    /// <summary>How long the tenant may take for a whole answer before the proxy gives 504 (<c>--proxy-timeout</c>).</summary>
    public TimeSpan ProxyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With <see cref="Proxy"/>: a folder where every entity the tenant answers with 200 (a GET without <c>$select</c>,
    /// an update) is kept as <c>&lt;Resource&gt;/&lt;id&gt;.json</c>, the newest answer winning (<c>--record</c>).
    /// </summary>
    public string? RecordDirectory { get; set; }

    /// <summary>
    /// A folder written by <see cref="RecordDirectory"/> (<c>--replay</c>): its entities are served at their ids, as the
    /// pages' samples are at theirs, and the generated ones at the other ids. Not with <see cref="Proxy"/>.
    /// </summary>
    public string? ReplayDirectory { get; set; }

    /// <summary>
    /// The most sessions (<c>X-Mock-Session</c>) alive at once (<c>--max-sessions</c>). A new session past it drops the
    /// session used least recently that has no request in flight; when every one has one, the new session is refused
    /// with 429 and <c>Retry-After</c>. 0 turns sessions off (a request that names one gets 400).
    /// </summary>
    public int MaxSessions { get; set; } = 1000;

    /// <summary>
    /// Minutes a session may go unused before it is dropped (<c>--session-idle-minutes</c>): its name then starts a new
    /// session from the seed. 0 keeps sessions until <see cref="MaxSessions"/> makes room or they are deleted.
    /// </summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>
    /// Testing aid, never for real use: makes the mock break the contract on purpose by ignoring
    /// <c>If-Unmodified-Since</c> (no 412 ever), so provider-verification tests can prove that verification fails.
    /// </summary>
    public bool IgnorePreconditions { get; set; }
}
