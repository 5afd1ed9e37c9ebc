using ContractHarness.MockServer;
using WireMock.Server;

namespace ContractHarness.WireMock;

/// <summary>
/// The contract carried by a <see cref="WireMockServer"/>: what tests need of it, as C# calls (the mock's
/// <c>/__admin</c> routes are WireMock.Net's own on this host).
/// </summary>
public sealed class SuperOfficeContract : IDisposable
{
    private readonly IReadOnlyList<Guid> _mappings;
    private readonly bool _ownsServer;

    internal SuperOfficeContract(WireMockServer server, SuperOfficeMockEngine engine, IReadOnlyList<Guid> mappings, bool ownsServer)
    {
        Server = server;
        Engine = engine;
        _mappings = mappings;
        _ownsServer = ownsServer;
    }

    /// <summary>The server that carries the contract.</summary>
    public WireMockServer Server { get; }

    /// <summary>The mock's in-memory engine that answers the contract's mappings.</summary>
    public SuperOfficeMockEngine Engine { get; }

    /// <summary>The server's root URL with a trailing slash (ready for <c>HttpClient.BaseAddress</c>).</summary>
    public Uri BaseAddress => Engine.BaseAddress;

    /// <summary>The contract's requests answered most recently, newest first.</summary>
    public IReadOnlyList<MockJournalEntry> Journal => Engine.Journal;

    /// <summary>Restores the seed state.</summary>
    public void Reset() => Engine.Reset();

    /// <summary>Arranges a provider state, e.g. <c>Setup("Contact 66 exists")</c>; throws <see cref="ArgumentException"/> for an unknown one.</summary>
    public void Setup(string state) => Engine.Setup(state);

    /// <summary>
    /// Session <paramref name="name"/>: its own copy of the data (<see cref="SuperOfficeMockSession"/>). Requests to this
    /// server that carry <c>X-Mock-Session: name</c> are answered in it; the session's <c>Setup</c> and <c>Reset</c> touch only it.
    /// </summary>
    public SuperOfficeMockSession Session(string name) => Engine.Session(name);

    /// <summary>
    /// Closes the engine; stops the server when <see cref="SuperOfficeWireMock.Start"/> made it, and otherwise removes
    /// the contract's mappings from it (so nothing answers through a closed engine).
    /// </summary>
    public void Dispose()
    {
        if (_ownsServer)
        {
            Server.Stop();
            Server.Dispose();
        }
        else
        {
            foreach (var mapping in _mappings)
            {
                Server.DeleteMapping(mapping);
            }
        }

        Engine.Dispose();
    }
}
