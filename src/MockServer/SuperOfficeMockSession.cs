using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Operations.Sessions;

namespace ContractHarness.MockServer;

/// <summary>
/// One session of a <see cref="SuperOfficeMockEngine"/>: its own copy of the data, started from the seed on first use
/// and holding only what it changes, so tests that run in parallel against one engine never see each other's changes:
/// <code>
/// var worker = engine.Session("worker-1");
/// worker.Setup("Contact 66 exists");
/// var answer = await worker.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"));
/// </code>
/// Over HTTP the same is the <see cref="Header"/> header (or, from a browser, the <see cref="Cookie"/> cookie).
/// </summary>
public sealed class SuperOfficeMockSession
{
    /// <summary>The request header that names a session.</summary>
    public const string Header = SessionRequest.Header;

    /// <summary>The cookie that names a session for a browser's requests (when there is no <see cref="Header"/>).</summary>
    public const string Cookie = SessionRequest.Cookie;

    /// <summary>The longest session name; a name is 1 to this many characters of visible ASCII (<c>!</c> to <c>~</c>).</summary>
    public const int MaxNameLength = SessionName.MaxLength;

    private readonly SuperOfficeMockEngine _engine;

    internal SuperOfficeMockSession(SuperOfficeMockEngine engine, string name) => (_engine, Name) = (engine, name);

    /// <summary>The session's name.</summary>
    public string Name { get; }

    /// <summary>Answers <paramref name="request"/> in this session (its <see cref="Header"/> set to <see cref="Name"/>, whatever it carried).</summary>
    public Task<MockResponse> HandleAsync(MockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        headers[Header] = Name;
        return _engine.HandleAsync(request with { Headers = headers }, cancellationToken);
    }

    /// <summary>Arranges a provider state in this session only, e.g. <c>Setup("Contact 66 exists")</c>.</summary>
    /// <exception cref="ArgumentException">The mock does not know the state.</exception>
    /// <exception cref="InvalidOperationException">The session cannot start (every session of the bound is in use, or sessions are off).</exception>
    public void Setup(string state) => _engine.InSession(Name, world => _engine.Setup(world, state));

    /// <summary>Puts this session back to the seed; other sessions and the default world keep theirs. Fault rules are the engine's and stay.</summary>
    /// <exception cref="InvalidOperationException">The session cannot start (every session of the bound is in use, or sessions are off).</exception>
    public void Reset() => _engine.InSession(Name, world => world.Reset());

    /// <summary>The requests of this session the engine's journal holds, newest first.</summary>
    public IReadOnlyList<MockJournalEntry> Journal => [.. _engine.Journal.Where(e => e.Session == Name)];
}
