using System.Reflection;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Architecture;

/// <summary>
/// The native and in-memory runs pick the HTTP behaviour tests by their <see cref="HostsAttribute"/>, not by a list
/// kept by hand: every class on the mock fixture says which hosts it runs on, and why it leaves any out.
/// </summary>
public sealed class HostSelectionTests
{
    private static IEnumerable<Type> FixtureClasses() => typeof(HostSelectionTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>) && typeof(MockServerFixture).IsAssignableFrom(i.GetGenericArguments()[0])));

    [Fact]
    public void EveryClassOnTheMockFixture_SaysWhichHostsItRunsOn()
    {
        var classes = FixtureClasses().ToList();

        classes.Should().HaveCountGreaterThan(20, "the HTTP behaviour tests are found by their fixture");
        classes.Where(t => t.GetCustomAttribute<HostsAttribute>() is null).Select(t => t.FullName)
            .Should().BeEmpty("each class on the mock fixture carries [Hosts(...)], which the native and in-memory runs filter by");
    }

    [Fact]
    public void EveryClassThatLeavesAHostOut_SaysWhy()
    {
        FixtureClasses().Select(t => (Type: t, Hosts: t.GetCustomAttribute<HostsAttribute>()))
            .Where(c => c.Hosts is { } h && h.Hosts != MockHosts.All && string.IsNullOrWhiteSpace(h.Because))
            .Select(c => c.Type.FullName)
            .Should().BeEmpty("a host left out needs a reason (Because = ...), so that one that could run everywhere is not left out by accident");
    }

    [Fact]
    public void EveryClass_RunsOnKestrel()
    {
        FixtureClasses().Select(t => (Type: t, Hosts: t.GetCustomAttribute<HostsAttribute>()))
            .Where(c => c.Hosts is { } h && !h.Hosts.HasFlag(MockHosts.Kestrel))
            .Select(c => c.Type.FullName)
            .Should().BeEmpty("dotnet test runs every test on Kestrel in-process");
    }

    [Fact]
    public void TheTraits_NameEachHostOnce()
    {
        var traits = new HostsTraitDiscoverer().GetTraits(new Xunit.Sdk.ReflectionAttributeInfo(
            CustomAttributeData.GetCustomAttributes(typeof(Annotated)).Single(a => a.AttributeType == typeof(HostsAttribute))));

        traits.Should().Equal(new KeyValuePair<string, string>("Host", "Kestrel"), new KeyValuePair<string, string>("Host", "Memory"));
    }

    [Hosts(MockHosts.Kestrel | MockHosts.Memory, Because = "an example")]
    private sealed class Annotated;
}
