using System.Net.Http.Json;

namespace ContractHarness.MockServer.Tests.Readme;

/// <summary>The examples of docs/sessions-and-coverage.md, compiled here and run by <see cref="SessionExampleTests"/>.</summary>
public static class SessionExamples
{
    /// <summary>Sessions on the server and on the engine; returns the status of the GET in worker-2 and Contact 66's name seen without a session.</summary>
    public static async Task<(int Status, string NameOutside, string NameInSession)> SessionsOnTheServerAndTheEngine()
    {
        // docs: sessions
        await using var mock = await SuperOfficeMockServer.StartAsync();
        using var worker = mock.Session("worker-1");          // an HttpClient that sends X-Mock-Session: worker-1
        await worker.PatchAsync("/api/v1/Contact/66", JsonContent.Create(new { Name = "mine" }));

        using var engine = SuperOfficeMockEngine.Start(new Uri("http://localhost:9091/"));
        var session = engine.Session("worker-2");              // a view of the engine in that session
        session.Setup("Contact 66 does not exist");             // a provider state in worker-2 only
        var answer = await session.HandleAsync(new MockRequest("GET", "/api/v1/Contact/66"));   // 404
        session.Reset();                                        // worker-2 back to the seed
        engine.DropSession("worker-2");
        // docs: end
        using var outside = new HttpClient { BaseAddress = mock.BaseAddress };
        var nameOutside = System.Text.Json.Nodes.JsonNode.Parse(await outside.GetStringAsync("/api/v1/Contact/66"))!["Name"]!.GetValue<string>();
        var nameInSession = System.Text.Json.Nodes.JsonNode.Parse(await worker.GetStringAsync("/api/v1/Contact/66"))!["Name"]!.GetValue<string>();
        return (answer.StatusCode, nameOutside, nameInSession);
    }
}

/// <summary>One mock for a whole test run, as docs/sessions-and-coverage.md shows it.</summary>
public sealed class MockFixture : IAsyncLifetime
{
    public SuperOfficeMockServer Mock { get; private set; } = null!;

    public async Task InitializeAsync() => Mock = await SuperOfficeMockServer.StartAsync();

    public async Task DisposeAsync() => await Mock.DisposeAsync();
}

// docs: a test class with a session per test
public sealed class ContactTests(MockFixture fixture) : IClassFixture<MockFixture>
{
    [Fact]
    public async Task Rename_IsStored()
    {
        using var http = fixture.Mock.Session(Guid.NewGuid().ToString("N"));   // a fresh world for this test
        using var patched = await http.PatchAsync("/api/v1/Contact/66", JsonContent.Create(new { Name = "Renamed" }));
        var contact = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/Contact/66");
        Assert.Equal("Renamed", contact!["Name"]!.GetValue<string>());
    }
}
// docs: end

/// <summary>Runs the sessions example and checks what its comments say.</summary>
public sealed class SessionExampleTests
{
    [Fact]
    public async Task TheSessionsExample_KeepsEachWorldApart()
    {
        var (status, nameOutside, nameInSession) = await SessionExamples.SessionsOnTheServerAndTheEngine();

        status.Should().Be(404, "Contact 66 does not exist in worker-2");
        nameInSession.Should().Be("mine");
        nameOutside.Should().NotBe("mine", "the default world does not see worker-1's update");
    }
}
