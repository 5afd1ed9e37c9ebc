using System.Reflection;
using ContractHarness.MockServer.Hosting;
using ContractHarness.MockServer;
using NetArchTest.Rules;

namespace ContractHarness.MockServer.Tests.Architecture;

/// <summary>
/// The mock's rooms and their one-way doors (docs/mock-layers.md): a room may use the rooms below it, never one above.
/// A type that reaches up fails here with its name, so a back-reference shows in the test run, not in review.
/// </summary>
public sealed class LayerTests
{
    private const string Root = "ContractHarness.MockServer";

    /// <summary>The rooms from the bottom up; a sub-namespace (<c>Store.Persistence</c>, <c>Http.Admin</c>) belongs to its room.</summary>
    public static readonly string[] Rooms = ["Patching", "Model", "Store", "Operations", "Http", "Proxy", "Hosting"];

    private static readonly Assembly Mock = typeof(SuperOfficeMockServer).Assembly;

    public static TheoryData<string> RoomNames() => [.. Rooms];

    [Theory]
    [MemberData(nameof(RoomNames))]
    public void Room_UsesNoRoomAboveIt(string room)
    {
        var above = Rooms.SkipWhile(r => r != room).Skip(1).Select(r => $"{Root}.{r}").ToArray();

        var failing = above.Length == 0 ? [] : Failing(Types.InAssembly(Mock).That().ResideInNamespace($"{Root}.{room}").ShouldNot().HaveDependencyOnAny(above));

        failing.Should().BeEmpty($"{room} may use only the rooms below it, not {string.Join(", ", above)}");
    }

    [Theory]
    [MemberData(nameof(RoomNames))]
    public void Room_UsesTheServerOnlyThroughItsOptions(string room)
    {
        var failing = Failing(Types.InAssembly(Mock).That().ResideInNamespace($"{Root}.{room}").And().DoNotHaveName("MockServerCli").And().DoNotHaveName("Banner")
            .ShouldNot().HaveDependencyOn(typeof(SuperOfficeMockServer).FullName));

        failing.Should().BeEmpty("the rooms serve the in-process server; only Hosting's command line and banner hold a running one");
    }

    [Fact]
    public void Patching_UsesNothingElseOfTheMock()
    {
        var others = Rooms.Where(r => r != "Patching").Select(r => $"{Root}.{r}").Append(typeof(SuperOfficeMockServerOptions).FullName!).ToArray();

        Failing(Types.InAssembly(Mock).That().ResideInNamespace($"{Root}.Patching").ShouldNot().HaveDependencyOnAny(others))
            .Should().BeEmpty("the patch engine is a leaf: RFC 6902 and RFC 7396 over JsonNode, nothing of the mock");
    }

    [Theory]
    [InlineData("Patching")]
    [InlineData("Model")]
    [InlineData("Store")]
    public void DataRoom_KnowsNothingOfHttp(string room)
    {
        Failing(Types.InAssembly(Mock).That().ResideInNamespace($"{Root}.{room}").ShouldNot().HaveDependencyOn("Microsoft.AspNetCore"))
            .Should().BeEmpty($"{room} holds data and rules; requests and responses are the HTTP room's (so another carrier, such as an in-memory call, can reuse it)");
    }

    [Fact]
    public void EveryTypeLivesInARoomOrIsThePublicSurface()
    {
        var outside = Mock.GetTypes()
            .Where(t => t.Namespace is { } ns && !t.Name.StartsWith('<') && !Rooms.Any(r => ns == $"{Root}.{r}" || ns.StartsWith($"{Root}.{r}.", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        outside.Should().BeEquivalentTo(
        [
            typeof(SuperOfficeMockServer).FullName, typeof(SuperOfficeMockServerOptions).FullName,
            typeof(SuperOfficeMockEngine).FullName, typeof(SuperOfficeMockCommandLine).FullName, typeof(MockRequest).FullName, typeof(MockResponse).FullName, typeof(MockJournalEntry).FullName,
            typeof(SuperOfficeMockSession).FullName,
        ]);
    }

    private static IReadOnlyList<string> Failing(ConditionList condition)
    {
        var result = condition.GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
    }
}
