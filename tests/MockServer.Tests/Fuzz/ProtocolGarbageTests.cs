using ContractHarness.MockServer.Tests.Fuzz.Engine;

namespace ContractHarness.MockServer.Tests.Fuzz;

/// <summary>
/// Raw-socket protocol garbage against every case of <see cref="ProtocolGarbage"/>: never a 5xx, the entity
/// unchanged. The case named after known defect (b) fails on the current code until that defect is fixed.
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
        const string path = "/api/v1/Contact/7";
        var before = await fixture.Client.GetStringAsync(path);

        var (status, response) = await ProtocolGarbage.SendAsync(fixture.Client.BaseAddress!, protocol, path);

        if (status != protocol.Allowed5xx)
        {
            status.Should().BeLessThan(500, "{0}{1}", response, protocol.KnownDefect.Length > 0 ? " (known defect " + protocol.KnownDefect + ")" : string.Empty);
        }

        if (status is < 200 or >= 300)
        {
            (await fixture.Client.GetStringAsync(path)).Should().Be(before, "a refusal must change nothing ({0} answered {1})", name, status);
        }
    }
}
