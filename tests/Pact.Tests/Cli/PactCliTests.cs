using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Cli;
using ContractHarness.Pact.Tests.Support;

namespace ContractHarness.Pact.Tests.Cli;

public class PactCliTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Locate_FindsTheCliOfThePinnedNpmPackage()
    {
        var path = PactCli.Locate();

        path.Should().EndWith("node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact");
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_RunsTheCli()
    {
        var result = await new PactCli().RunAsync(["verifier", "--version"]);

        result.Succeeded.Should().BeTrue(result.StandardError);
        result.StandardOutput.Should().Contain("pact verifier version");
    }

    [Fact]
    public async Task Credentials_GoThroughTheEnvironment_NotTheCommandLine_AndTrackingIsOff()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // a shell script stands in for the CLI; the engine packages here are Linux-only anyway
        }

        var script = folder.File("print-env.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nenv\necho \"ARGS: $*\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var broker = new PactBrokerConnection(new Uri("https://broker.example.com"), Token: "secret-token");

        var result = await new PactCli(script).PublishAsync(new PactPublishOptions(broker, "1.0.0", ["contracts/pacts"]) { Branch = "main" });

        result.StandardOutput.Should().Contain("PACT_BROKER_TOKEN=secret-token").And.Contain("PACT_DO_NOT_TRACK=true");
        var args = result.StandardOutput.Split('\n').Single(l => l.StartsWith("ARGS: ", StringComparison.Ordinal));
        args.Should().Be("ARGS: broker publish contracts/pacts --broker-base-url https://broker.example.com/ --consumer-app-version 1.0.0 --branch main");
    }

    [Fact]
    public void CanIDeployArguments_NameThePacticipantVersionAndEnvironment()
    {
        var options = new CanIDeployOptions(new PactBrokerConnection(new Uri("https://broker.example.com")), "SuperOfficeWebClient", "abc123")
        {
            ToEnvironment = "production",
            RetryWhileUnknown = 5,
            RetryIntervalSeconds = 10,
        };

        PactCli.CanIDeployArguments(options).Should().Equal(
            "broker", "can-i-deploy", "--pacticipant", "SuperOfficeWebClient", "--version", "abc123",
            "--broker-base-url", "https://broker.example.com/", "--to-environment", "production",
            "--retry-while-unknown", "5", "--retry-interval", "10");
    }

    [Fact]
    public async Task PublishAndCanIDeploy_TalkToABroker()
    {
        const string pact = """{"consumer":{"name":"C"},"provider":{"name":"P"},"interactions":[],"metadata":{"pactSpecification":{"version":"4.0"}}}""";
        await File.WriteAllTextAsync(folder.File("C-P.json"), pact);
        await using var broker = await FakePactBroker.StartAsync(pact, deployable: false);
        var connection = new PactBrokerConnection(broker.Uri, Token: "tok");
        var cli = new PactCli();

        var published = await cli.PublishAsync(new PactPublishOptions(connection, "1.0.0", [folder.Path]) { Branch = "main" });
        var canDeploy = await cli.CanIDeployAsync(new CanIDeployOptions(connection, "C", "1.0.0") { ToEnvironment = "production" });

        published.Succeeded.Should().BeTrue(published.StandardOutput + published.StandardError);
        var contract = JsonNode.Parse(broker.Requests.Single(r => r.PathAndQuery == "/contracts/publish").Body)!;
        contract["pacticipantVersionNumber"]!.GetValue<string>().Should().Be("1.0.0");
        contract["branch"]!.GetValue<string>().Should().Be("main");
        var content = Encoding.UTF8.GetString(Convert.FromBase64String(contract["contracts"]![0]!["content"]!.GetValue<string>()));
        JsonNode.Parse(content)!["provider"]!["name"]!.GetValue<string>().Should().Be("P");
        canDeploy.ExitCode.Should().Be(1, "the broker says the version is not deployable");
        broker.Requests.Should().Contain(r => r.PathAndQuery.StartsWith("/matrix?", StringComparison.Ordinal) && r.PathAndQuery.Contains("environment=production", StringComparison.Ordinal));
    }
}
