using System.Collections;
using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Faults;

/// <summary><c>--latency MS|MIN-MAX</c> and <c>CONTRACTHARNESS_LATENCY</c>: parsed, refused when wrong, shown in the banner.</summary>
public sealed class LatencyOptionTests
{
    private static readonly Hashtable NoEnvironment = [];

    [Fact]
    public void Latency_FixedOrRange_FromTheCommandLineOrTheEnvironment()
    {
        var fixedDelay = MockServerOptionsParser.Parse(["--latency", "200"], NoEnvironment);
        var range = MockServerOptionsParser.Parse(["--latency=100-500"], NoEnvironment);
        var fromEnvironment = MockServerOptionsParser.Parse([], new Hashtable { ["CONTRACTHARNESS_LATENCY"] = "50-60" });

        fixedDelay.Latency.Should().Be(TimeSpan.FromMilliseconds(200));
        fixedDelay.LatencyMax.Should().BeNull();
        (range.Latency, range.LatencyMax).Should().Be((TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)));
        (fromEnvironment.Latency, fromEnvironment.LatencyMax).Should().Be((TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(60)));
        MockServerOptionsParser.Parse([], NoEnvironment).Latency.Should().BeNull();
        MockServerOptionsParser.Help().Should().Contain("--latency MS|MIN-MAX").And.Contain("CONTRACTHARNESS_LATENCY");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("500-100")]
    [InlineData("60001")]
    [InlineData("10-")]
    public void Latency_ThatIsNoDelay_IsRefusedNamingTheOption(string value)
    {
        var parse = () => MockServerOptionsParser.Parse(["--latency", value], NoEnvironment);

        parse.Should().Throw<ArgumentException>().WithMessage("*latency*");
    }

    [Fact]
    public async Task Latency_AboveAMinute_StopsTheStart()
    {
        var start = () => SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, Latency = TimeSpan.FromMinutes(2) });

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Latency");
    }

    [Fact]
    public async Task Banner_ShowsTheLatency_OnlyWhenSet()
    {
        await using var withRange = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions
        {
            Port = 0, LogRequests = false, Latency = TimeSpan.FromMilliseconds(100), LatencyMax = TimeSpan.FromMilliseconds(500),
        });
        await using var without = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });

        Banner.For(withRange).Should().Contain("latency 100-500 ms");
        Banner.For(without).Should().NotContain("latency");
    }
}
