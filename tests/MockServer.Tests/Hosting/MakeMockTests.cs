using System.Collections;
using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Hosting;

/// <summary>
/// <c>make mock</c> as a user types it, with a stand-in publish script whose "mock" prints the arguments it gets: what
/// reaches the mock, then what the mock's parser makes of it (ARGS > PORT/HOST > CONTRACTHARNESS_* > defaults).
/// </summary>
public sealed class MakeMockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("make-mock-").FullName;
    private readonly string _publish;

    public MakeMockTests()
    {
        var mock = ChildProcess.Script(_folder, "mock", "printf '%s\\n' \"$@\"");
        _publish = ChildProcess.Script(_folder, "publish.sh", $"echo '{mock}'");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Args_ReachTheMock_AndNoHostOrPortIsAddedWhenNoneIsSet()
    {
        var args = await MakeMockAsync(["ARGS=--seed 2 --entity-count 500"]);

        args.Should().Equal("--seed", "2", "--entity-count", "500");
    }

    [Fact]
    public async Task EnvironmentVariables_AreNotOverriddenByMakeDefaults()
    {
        var environment = new Dictionary<string, string> { ["CONTRACTHARNESS_PORT"] = "5093", ["CONTRACTHARNESS_HOST"] = "0.0.0.0" };

        var args = await MakeMockAsync([], environment);

        args.Should().BeEmpty();
        var options = MockServerOptionsParser.Parse(args, new Hashtable(environment));
        options.Port.Should().Be(5093);
        options.Host.Should().Be("0.0.0.0");
    }

    [Fact]
    public async Task PortAndHost_OverrideTheVariables_AndArgsOverrideThem()
    {
        var environment = new Dictionary<string, string> { ["CONTRACTHARNESS_PORT"] = "5093" };

        var args = await MakeMockAsync(["PORT=5081", "HOST=::1", "ARGS=--port 5090 --quiet"], environment);

        args.Should().Equal("--host", "::1", "--port", "5081", "--port", "5090", "--quiet");
        MockServerOptionsParser.Parse(args, new Hashtable(environment)).Should().BeEquivalentTo(new { Port = 5090, Host = "::1", LogRequests = false });
        MockServerOptionsParser.Parse(await MakeMockAsync(["PORT=5081"], environment), new Hashtable(environment)).Port.Should().Be(5081);
    }

    [Fact]
    public async Task PortFromTheShellEnvironment_StillWorks()
    {
        var args = await MakeMockAsync([], new Dictionary<string, string> { ["PORT"] = "5082" });

        args.Should().Equal("--port", "5082");
    }

    /// <summary>Runs <c>make mock</c> with <paramref name="variables"/> on its command line; the arguments the mock got.</summary>
    private async Task<string[]> MakeMockAsync(string[] variables, Dictionary<string, string>? environment = null)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync("make", ["--no-print-directory", "mock", $"MOCK_PUBLISH={_publish}", .. variables], environment);

        exitCode.Should().Be(0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
