using Xunit.Abstractions;
using Xunit.Sdk;

namespace ContractHarness.MockServer.Tests.Support;

/// <summary>The hosts an HTTP behaviour test class runs on (<see cref="MockServerFixture"/> starts the one asked for).</summary>
[Flags]
public enum MockHosts
{
    /// <summary>Kestrel in the test process: every test runs here (<c>dotnet test</c>).</summary>
    Kestrel = 1,

    /// <summary>The published native program as a child process (<c>make test-aot</c>: <c>Host=Native</c>, without <c>Clock=Manual</c>).</summary>
    Native = 2,

    /// <summary>The engine's in-memory handler, no socket (<c>make test-memory</c>: <c>Host=Memory</c>).</summary>
    Memory = 4,

    All = Kestrel | Native | Memory,
}

/// <summary>
/// Says which hosts a class of HTTP behaviour tests runs on, as the trait <c>Host</c> (one value per host), which
/// the native and in-memory runs filter by. A class that leaves a host out says why:
/// <c>[Hosts(MockHosts.Kestrel | MockHosts.Native, Because = "opens raw sockets")]</c>.
/// <see cref="Architecture.HostSelectionTests"/> fails when a class of the fixture has none.
/// </summary>
[TraitDiscoverer("ContractHarness.MockServer.Tests.Support.HostsTraitDiscoverer", "ContractHarness.MockServer.Tests")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class HostsAttribute(MockHosts hosts) : Attribute, ITraitAttribute
{
    public MockHosts Hosts { get; } = hosts;

    /// <summary>Why a host is left out; required unless <see cref="Hosts"/> is <see cref="MockHosts.All"/>.</summary>
    public string? Because { get; set; }
}

/// <summary>Turns <see cref="HostsAttribute"/> into one <c>Host</c> trait per host.</summary>
public sealed class HostsTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        var hosts = traitAttribute.GetConstructorArguments().OfType<MockHosts>().Single();
        return Enum.GetValues<MockHosts>().Where(h => h != MockHosts.All && hosts.HasFlag(h)).Select(h => new KeyValuePair<string, string>("Host", h.ToString()));
    }
}
