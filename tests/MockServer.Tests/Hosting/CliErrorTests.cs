using System.Collections;
using System.Net;
using System.Net.Sockets;
using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>The command line's answer to a user's mistake: one line naming the option and value, the help hint, exit code 2.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cli-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--port 99999", "--port 99999: not a port")]
    [InlineData("--port abc", "--port abc: not a port")]
    [InlineData("--port=-1", "--port -1: not a port")]
    [InlineData("--entity-count -1", "--entity-count -1: not a whole number of 0 or more")]
    [InlineData("--seed x", "--seed x: not a whole number")]
    [InlineData("--journal-size 1.5", "--journal-size 1.5: not a whole number")]
    [InlineData("--require-auth=maybe", "--require-auth maybe: not true or false")]
    [InlineData("--host example.com", "--host example.com: not an IP address to bind to")]
    [InlineData("--host 127.0.0.1.5", "--host 127.0.0.1.5: not an IP address")]
    [InlineData("--urls ftp://x", "--urls ftp://x: not an http:// URL")]
    [InlineData("--urls http://example.com:5081", "--urls http://example.com:5081: not an IP address to bind to")]
    [InlineData("--frobnicate", "unknown option --frobnicate.")]
    [InlineData("--entity 5", "unknown option --entity (did you mean --entity-count?)")]
    [InlineData("--port", "--port needs a value (N)")]
    [InlineData("--port --seed 2", "--port needs a value (N)")]
    [InlineData("5080", "unexpected argument '5080'")]
    [InlineData("--proxy notaurl", "--proxy notaurl: not an absolute http:// or https:// URL")]
    [InlineData("--proxy ftp://x", "--proxy ftp://x: not an http:// or https:// URL")]
    [InlineData("--proxy https://tenant.example/x?y=1", "--proxy 'https://tenant.example/x?y=1': has a query or a fragment")]
    [InlineData("--proxy-timeout 0", "--proxy-timeout 0: not a number of seconds above 0 and at most 3600")]
    [InlineData("--proxy-timeout soon", "--proxy-timeout soon: not a number of seconds")]
    [InlineData("--record recording", "--record recording: recording needs a tenant to record from; add --proxy URL")]
    [InlineData("--replay recording --proxy http://127.0.0.1:9", "--replay recording: replaying serves without a tenant; leave out --proxy")]
    public async Task BadOption_OneLineNamingItAndItsValue_ExitCodeTwo(string commandLine, string expected)
    {
        var (exitCode, output, error) = await RunAsync(commandLine.Split(' '));

        AssertRefused(exitCode, output, error, expected);
    }

    [Fact]
    public async Task BadEnvironmentVariable_IsNamedWithItsValue() =>
        AssertRefused(await RunAsync([], new Hashtable { ["CONTRACTHARNESS_ENTITY_COUNT"] = "many" }), "CONTRACTHARNESS_ENTITY_COUNT=many: not a whole number");

    [Fact]
    public async Task DataPointingAtAFile_IsRefused()
    {
        var file = Path.Combine(_folder, "mock.db");
        await File.WriteAllTextAsync(file, "not a folder");

        AssertRefused(await RunAsync(["--data", file]), $"--data {file}: a file, not a folder");
        (await File.ReadAllTextAsync(file)).Should().Be("not a folder");
    }

    [Fact]
    public async Task DataFolderThatCannotBeCreated_IsRefused()
    {
        var file = Path.Combine(_folder, "plain-file");
        await File.WriteAllTextAsync(file, "");
        var below = Path.Combine(file, "data");

        AssertRefused(await RunAsync(["--data", below]), $"--data {below}: the folder cannot be created");
    }

    [Fact]
    public async Task DataFolderThatCannotBeWritten_IsRefused()
    {
        // /proc is a folder in which nobody, root included, can create a file.
        AssertRefused(await RunAsync(["--data", "/proc"]), "--data /proc: the folder cannot be written");
    }

    [Fact]
    public async Task ProxyWithCredentialsInItsUrl_IsRefused_WithoutShowingThem()
    {
        var (exitCode, output, error) = await RunAsync(["--proxy", "https://user:pa55word@tenant.example/Cust1"]);

        AssertRefused(exitCode, output, error, "--proxy 'https://***@tenant.example/Cust1': carries credentials");
        error.Should().NotContain("pa55word");
    }

    [Fact]
    public async Task InProcess_ProxyWithCredentialsOrRecordWithoutProxy_IsRefusedBeforeStarting_WithoutShowingThem()
    {
        var credentials = () => SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, Proxy = new Uri("https://me:pa55word@tenant.example/") });
        var recordAlone = () => SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, RecordDirectory = _folder });

        (await credentials.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("carries credentials").And.NotContain("pa55word");
        (await recordAlone.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("recording needs a tenant");
    }

    [Fact]
    public async Task RecordPointingAtAFile_IsRefused()
    {
        var file = Path.Combine(_folder, "recording.json");
        await File.WriteAllTextAsync(file, "{}");

        AssertRefused(await RunAsync(["--proxy", "http://127.0.0.1:9", "--record", file]), $"--record {file}: a file, not a folder");
    }

    [Fact]
    public async Task ReplayOfNoFolder_IsRefused() =>
        AssertRefused(await RunAsync(["--replay", Path.Combine(_folder, "nothing")]), $"--replay {Path.Combine(_folder, "nothing")}: no such folder");

    [Theory]
    [InlineData("Contact", "66.json", "{\"ContactId\": 66,", "Contact/66.json cannot be read as an entity")]
    [InlineData("Contact", "66.json", "[1, 2]", "Contact/66.json cannot be read as an entity (An entity must be a JSON object)")]
    [InlineData("Contact", "sixty-six.json", "{}", "Contact/sixty-six.json is not named <id>.json")]
    [InlineData("Person", "5.json", "{}", "Person/ is named by no route of the contract")]
    public async Task ReplayOfAFolderWithAnUnreadableEntity_IsOneLineNamingTheFile(string resource, string name, string content, string expected)
    {
        var recording = Path.Combine(_folder, "recording");
        Directory.CreateDirectory(Path.Combine(recording, resource));
        await File.WriteAllTextAsync(Path.Combine(recording, resource, name), content);

        AssertRefused(await RunAsync(["--replay", recording, "--port", "0", "--quiet"]), $"--replay {recording}: {expected}");
    }

    [Fact]
    public async Task PortInUse_IsOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, output, error) = await RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet"]);

        AssertRefused(exitCode, output, error, $"port {port} on 127.0.0.1 is already in use");
    }

    [Fact]
    public async Task HostThatIsNoAddressOfThisMachine_IsRefused() =>
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to a machine.
        AssertRefused(await RunAsync(["--host", "192.0.2.1", "--port", "0", "--quiet"]), "--host 192.0.2.1: not an address of this machine");

    [Fact]
    public async Task Help_ExitsZero_ListingEveryOptionWithItsVariableAndDefault()
    {
        var (exitCode, output, error) = await RunAsync(["--help"]);

        exitCode.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().Contain("--port N").And.Contain("[CONTRACTHARNESS_PORT; default 5080]")
            .And.Contain("[CONTRACTHARNESS_HOST; default 127.0.0.1]").And.Contain("[CONTRACTHARNESS_ENTITY_COUNT; default 100]")
            .And.Contain("[CONTRACTHARNESS_SEED; default 1]").And.Contain("[CONTRACTHARNESS_MAX_BODY_BYTES; default 1048576]")
            .And.Contain("[CONTRACTHARNESS_REQUIRE_AUTH; default false]").And.Contain("[CONTRACTHARNESS_DATA; default none: in memory]")
            .And.Contain("Precedence: command-line options");
    }

    [Fact]
    public async Task GoodOptions_StartTheMock_PrintTheBanner_AndStopWhenAsked()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var error = new StringWriter();
        var running = MockServerCli.RunAsync(["--port", "0", "--quiet", "--entity-count", "7"], new Hashtable(), TextWriter.Synchronized(output), error, stop.Token);

        while (!output.ToString().Contains("listening on", StringComparison.Ordinal) && !running.IsCompleted)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        await stop.CancelAsync();
        (await running.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None)).Should().Be(0, error.ToString());
        output.ToString().Should().Contain("7 per entity").And.Contain("Stopping the mock.");
    }

    private static void AssertRefused((int ExitCode, string Output, string Error) run, string expected) =>
        AssertRefused(run.ExitCode, run.Output, run.Error, expected);

    private static void AssertRefused(int exitCode, string output, string error, string expected)
    {
        exitCode.Should().Be(MockServerCli.UsageError, error);
        output.Should().BeEmpty("nothing starts");
        error.Should().StartWith("error: ").And.Contain(expected).And.EndWith($"{MockServerOptionsParser.HelpHint}{Environment.NewLine}");
        error.TrimEnd().Should().NotContain("\n", "the mistake is one line").And.NotContain("   at ", "no stack trace");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Hashtable? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await MockServerCli.RunAsync(args, environment ?? [], output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
