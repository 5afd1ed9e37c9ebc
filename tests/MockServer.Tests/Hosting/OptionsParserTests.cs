using System.Collections;
using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Hosting;

public sealed class OptionsParserTests
{
    private static readonly Hashtable NoEnvironment = [];

    [Fact]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var options = MockServerOptionsParser.Parse([], NoEnvironment);

        options.Host.Should().Be("127.0.0.1");
        options.Port.Should().Be(5080);
        options.EntityCount.Should().Be(100);
        options.RequireAuth.Should().BeFalse();
        options.DataDirectory.Should().BeNull();
        options.LogRequests.Should().BeTrue();
        options.MaxRequestBodyBytes.Should().Be(1024 * 1024);
    }

    [Fact]
    public void Parse_ProxyRecordAndReplay_FromTheEnvironmentAndTheCommandLine()
    {
        var environment = new Hashtable
        {
            ["CONTRACTHARNESS_PROXY"] = "https://online.example.com/Cust12345", ["CONTRACTHARNESS_PROXY_TIMEOUT"] = "2.5", ["CONTRACTHARNESS_RECORD"] = "recording",
        };

        var fromEnvironment = MockServerOptionsParser.Parse([], environment);
        var fromCommandLine = MockServerOptionsParser.Parse(["--replay", "recording", "--proxy-timeout=90"], NoEnvironment);
        var defaults = MockServerOptionsParser.Parse([], NoEnvironment);

        fromEnvironment.Proxy.Should().Be(new Uri("https://online.example.com/Cust12345"));
        fromEnvironment.ProxyTimeout.Should().Be(TimeSpan.FromSeconds(2.5));
        fromEnvironment.RecordDirectory.Should().Be("recording");
        fromCommandLine.ReplayDirectory.Should().Be("recording");
        fromCommandLine.ProxyTimeout.Should().Be(TimeSpan.FromSeconds(90));
        (defaults.Proxy, defaults.RecordDirectory, defaults.ReplayDirectory, defaults.ProxyTimeout).Should().Be((null, null, null, TimeSpan.FromSeconds(30)));
        MockServerOptionsParser.Help().Should().Contain("--proxy URL").And.Contain("[CONTRACTHARNESS_PROXY; default none: the mock answers]")
            .And.Contain("[CONTRACTHARNESS_PROXY_TIMEOUT; default 30]").And.Contain("--record DIR").And.Contain("--replay DIR");
    }

    [Fact]
    public void Parse_AllowedHostsAndAdminToken_FromTheEnvironmentAndTheCommandLine()
    {
        var environment = new Hashtable { ["CONTRACTHARNESS_ALLOWED_HOSTS"] = "mock.test, other.test", ["CONTRACTHARNESS_ADMIN_TOKEN"] = "from-env" };

        var fromEnvironment = MockServerOptionsParser.Parse([], environment);
        var fromCommandLine = MockServerOptionsParser.Parse(["--allowed-hosts", "*", "--admin-token=t0ken"], environment);

        fromEnvironment.AllowedHosts.Should().Equal("mock.test", "other.test");
        fromEnvironment.AdminToken.Should().Be("from-env");
        fromCommandLine.AllowedHosts.Should().Equal("*");
        fromCommandLine.AdminToken.Should().Be("t0ken");
        MockServerOptionsParser.Parse([], NoEnvironment).AllowedHosts.Should().BeEmpty();
        MockServerOptionsParser.Help().Should().Contain("--allowed-hosts LIST").And.Contain("CONTRACTHARNESS_ADMIN_TOKEN");
    }

    [Fact]
    public void Parse_TheLimitsOnWhatClientsCreate_FromTheEnvironmentAndTheCommandLine()
    {
        var defaults = MockServerOptionsParser.Parse([], NoEnvironment);
        var fromEnvironment = MockServerOptionsParser.Parse([], new Hashtable { ["CONTRACTHARNESS_MAX_FAULT_RULES"] = "7", ["CONTRACTHARNESS_MAX_ADDED_ENTITIES"] = "9" });
        var fromCommandLine = MockServerOptionsParser.Parse(["--max-fault-rules", "0", "--max-added-entities=3"], NoEnvironment);

        (defaults.MaxFaultRules, defaults.MaxAddedEntities).Should().Be((100, 10_000));
        (fromEnvironment.MaxFaultRules, fromEnvironment.MaxAddedEntities).Should().Be((7, 9));
        (fromCommandLine.MaxFaultRules, fromCommandLine.MaxAddedEntities).Should().Be((0, 3));
        FluentActions.Invoking(() => MockServerOptionsParser.Parse(["--max-fault-rules", "-1"], NoEnvironment))
            .Should().Throw<ArgumentException>().WithMessage("--max-fault-rules -1: not a whole number*");
        MockServerOptionsParser.Help().Should().Contain("--max-fault-rules N").And.Contain("CONTRACTHARNESS_MAX_ADDED_ENTITIES; default 10000");
    }

    [Fact]
    public void Parse_EveryOption_FromTheCommandLine()
    {
        var options = MockServerOptionsParser.Parse(
            ["--port", "5081", "--host", "0.0.0.0", "--seed=7", "--entity-count", "10", "--contracts", "/c", "--fixtures", "/f",
             "--require-auth", "--cors-origins", "https://a.example, https://b.example", "--data", "/d", "--journal-size", "5",
             "--quiet", "--ignore-preconditions", "false", "--max-body-bytes", "2048"],
            NoEnvironment);

        options.Port.Should().Be(5081);
        options.Host.Should().Be("0.0.0.0");
        options.Seed.Should().Be(7);
        options.EntityCount.Should().Be(10);
        options.ContractsDirectory.Should().Be("/c");
        options.FixturesDirectory.Should().Be("/f");
        options.RequireAuth.Should().BeTrue();
        options.CorsOrigins.Should().Equal("https://a.example", "https://b.example");
        options.DataDirectory.Should().Be("/d");
        options.JournalSize.Should().Be(5);
        options.LogRequests.Should().BeFalse();
        options.IgnorePreconditions.Should().BeFalse();
        options.MaxRequestBodyBytes.Should().Be(2048);
    }

    [Fact]
    public void Parse_Environment_IsOverriddenByTheCommandLine()
    {
        var environment = new Hashtable { ["CONTRACTHARNESS_PORT"] = "5082", ["CONTRACTHARNESS_REQUIRE_AUTH"] = "true", ["CONTRACTHARNESS_SEED"] = "3" };

        var options = MockServerOptionsParser.Parse(["--port", "5083"], environment);

        options.Port.Should().Be(5083);
        options.RequireAuth.Should().BeTrue();
        options.Seed.Should().Be(3);
    }

    [Fact]
    public void Parse_Precedence_CommandLineOverEnvironmentOverDefaults_TheLastOccurrenceWinning()
    {
        var environment = new Hashtable { ["CONTRACTHARNESS_PORT"] = "5082", ["CONTRACTHARNESS_HOST"] = "0.0.0.0", ["CONTRACTHARNESS_ENTITY_COUNT"] = "7" };

        // As make mock PORT=5081 ARGS="--port 5090" passes them: the Make variable first, ARGS after.
        var options = MockServerOptionsParser.Parse(["--port", "5081", "--seed", "2", "--port", "5090"], environment);

        options.Port.Should().Be(5090, "the last command-line occurrence wins");
        options.Host.Should().Be("0.0.0.0", "a variable the command line does not override is read");
        options.EntityCount.Should().Be(7);
        options.Seed.Should().Be(2);
        options.JournalSize.Should().Be(1000, "what neither sets keeps its default");
    }

    [Fact]
    public void Parse_BadVariableThatTheCommandLineOverrides_IsNotRead()
    {
        var environment = new Hashtable { ["CONTRACTHARNESS_PORT"] = "abc" };

        MockServerOptionsParser.Parse(["--port", "5081"], environment).Port.Should().Be(5081);
        FluentActions.Invoking(() => MockServerOptionsParser.Parse([], environment))
            .Should().Throw<ArgumentException>().WithMessage("CONTRACTHARNESS_PORT=abc: not a port*");
    }

    [Fact]
    public void Parse_UrlsAfterPort_SetsBoth_AndPortAfterUrlsOverridesItsPort()
    {
        MockServerOptionsParser.Parse(["--port", "5081", "--urls", "http://0.0.0.0:5099"], NoEnvironment).Port.Should().Be(5099);
        MockServerOptionsParser.Parse(["--urls", "http://0.0.0.0:5099", "--port", "5081"], NoEnvironment)
            .Should().BeEquivalentTo(new { Host = "0.0.0.0", Port = 5081 });
    }

    [Theory]
    [InlineData("65535", 65535)]
    [InlineData("0", 0)]
    public void Parse_PortAtTheEndsOfItsRange_IsAccepted(string value, int port) =>
        MockServerOptionsParser.Parse(["--port", value], NoEnvironment).Port.Should().Be(port);

    [Fact]
    public void Parse_Urls_SetsHostAndPort()
    {
        var options = MockServerOptionsParser.Parse(["--urls", "http://127.0.0.1:5099"], NoEnvironment);

        options.Host.Should().Be("127.0.0.1");
        options.Port.Should().Be(5099);
    }

    [Theory]
    [InlineData("--port", "eighty")]
    [InlineData("--port", "-1")]
    [InlineData("--port", "65536")]
    [InlineData("--host", "mock.example")]
    [InlineData("--nonsense", "1")]
    [InlineData("--require-auth=maybe", null)]
    [InlineData("--urls", "ftp://x")]
    [InlineData("positional", null)]
    public void Parse_BadOption_ThrowsAReadableArgumentException(string flag, string? value)
    {
        string[] args = value is null ? [flag] : [flag, value];

        FluentActions.Invoking(() => MockServerOptionsParser.Parse(args, NoEnvironment))
            .Should().Throw<ArgumentException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_ValueMissing_Throws() =>
        FluentActions.Invoking(() => MockServerOptionsParser.Parse(["--port"], NoEnvironment)).Should().Throw<ArgumentException>().WithMessage("*--port*");

    [Fact]
    public void Parse_SessionBounds_FromTheEnvironmentAndTheCommandLine_WithTheirDefaults()
    {
        var defaults = MockServerOptionsParser.Parse([], NoEnvironment);
        var fromEnvironment = MockServerOptionsParser.Parse([], new Hashtable { ["CONTRACTHARNESS_MAX_SESSIONS"] = "32", ["CONTRACTHARNESS_SESSION_IDLE_MINUTES"] = "0" });
        var fromCommandLine = MockServerOptionsParser.Parse(["--max-sessions", "0", "--session-idle-minutes=5"], NoEnvironment);

        (defaults.MaxSessions, defaults.SessionIdleMinutes).Should().Be((1000, 30));
        (fromEnvironment.MaxSessions, fromEnvironment.SessionIdleMinutes).Should().Be((32, 0));
        (fromCommandLine.MaxSessions, fromCommandLine.SessionIdleMinutes).Should().Be((0, 5));
        MockServerOptionsParser.Help().Should().Contain("--max-sessions N").And.Contain("CONTRACTHARNESS_SESSION_IDLE_MINUTES; default 30");
        FluentActions.Invoking(() => MockServerOptionsParser.Parse(["--max-sessions", "-1"], NoEnvironment))
            .Should().Throw<ArgumentException>().WithMessage("--max-sessions -1: not a whole number of 0 or more*");
    }

    [Fact]
    public void Help_ListsEveryOptionWithItsEnvironmentVariable() =>
        MockServerOptionsParser.Help().Should().Contain("--port").And.Contain("CONTRACTHARNESS_PORT").And.Contain("--require-auth").And.Contain("--data");
}
