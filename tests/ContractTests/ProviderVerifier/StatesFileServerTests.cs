using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContractHarness.ProviderVerifier;

namespace ContractHarness.ContractTests.ProviderVerifier;

/// <summary>The state-change endpoint `make verify-provider` runs for a provider that cannot arrange states.</summary>
public sealed class StatesFileServerTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"states-{Guid.NewGuid():N}.json");
    private readonly StringWriter _log = new();

    public void Dispose()
    {
        File.Delete(_file);
        _log.Dispose();
    }

    private async Task<JsonObject> PostAsync(string statesJson, JsonObject request)
    {
        await File.WriteAllTextAsync(_file, statesJson);
        await using var server = await StatesFileServer.StartAsync(_file, _log);
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(server.Url, request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task AMappedState_AnswersTheFilesValues_OverThePactsParams()
    {
        var answer = await PostAsync("""{"Contact exists": {"id": 12, "ContactId": 12}}""",
            new JsonObject { ["state"] = "Contact exists", ["action"] = "setup", ["params"] = new JsonObject { ["id"] = 66, ["Name"] = "Acme" } });

        answer.ToJsonString().Should().Be("""{"id":12,"Name":"Acme","ContactId":12}""");
        _log.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task AnUnmappedState_AnswersThePactsParams_AndWarns()
    {
        var answer = await PostAsync("""{"Contact exists": {"id": 12}}""",
            new JsonObject { ["state"] = "Ticket exists", ["action"] = "setup", ["params"] = new JsonObject { ["id"] = 900 } });

        answer.ToJsonString().Should().Be("""{"id":900}""");
        _log.ToString().Should().Contain("warning: provider state 'Ticket exists' is not in").And.Contain(_file);
    }

    [Fact]
    public async Task Teardown_AnswersNothing()
    {
        var answer = await PostAsync("""{"Contact exists": {"id": 12}}""",
            new JsonObject { ["state"] = "Contact exists", ["action"] = "teardown", ["params"] = new JsonObject { ["id"] = 66 } });

        answer.Should().BeEmpty();
    }

    [Fact]
    public async Task AStatesFileThatIsNoObject_IsRefused()
    {
        await File.WriteAllTextAsync(_file, "[1, 2]");

        var start = () => StatesFileServer.StartAsync(_file, _log);

        await start.Should().ThrowAsync<InvalidDataException>().WithMessage("*expected a JSON object mapping state names*");
    }
}
