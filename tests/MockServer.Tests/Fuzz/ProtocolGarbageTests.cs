using ContractHarness.MockServer.Tests.Support;
using ContractHarness.TestSupport.Fuzz;

namespace ContractHarness.MockServer.Tests.Fuzz;

/// <summary>
/// Raw-socket protocol garbage against every case of <see cref="ProtocolGarbage"/>: never a 5xx, the entity
/// unchanged.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ProtocolGarbageTests(FuzzMockFixture fixture) : IClassFixture<FuzzMockFixture>
{
    public static TheoryData<string> Cases => [.. ProtocolGarbage.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ProtocolGarbage_NeverAnswers5xx_AndChangesNothing(string name)
    {
        var protocol = ProtocolGarbage.All.Single(c => c.Name == name);

        var finding = await ProtocolGarbage.JudgeAsync(fixture.Client, protocol, "/api/v1/Contact/7");

        finding.Should().BeNull("{0}", finding);
    }
}
