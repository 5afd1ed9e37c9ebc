using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Admin;

/// <summary>
/// The bound on entities provider states add outside the seed (<c>--max-added-entities</c>): one past it is a 409 that
/// changes nothing; seeded ids, ids already added and deletions of ids that never existed are not counted; a reset frees them.
/// </summary>
public sealed class AddedEntityLimitTests : IDisposable
{
    private readonly SuperOfficeMockEngine _engine = SuperOfficeMockEngine.Start(
        new Uri("http://localhost:9094/"), new SuperOfficeMockServerOptions { LogRequests = false, MaxAddedEntities = 2 });

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task StatePastTheLimit_Is409NamingTheLimit_AndAddsNothing()
    {
        (await StateAsync("Contact 1001 exists")).StatusCode.Should().Be(200);
        (await StateAsync("Ticket 1002 exists")).StatusCode.Should().Be(200);

        var refused = await StateAsync("Project 1003 exists");

        refused.StatusCode.Should().Be(409);
        JsonNode.Parse(refused.Body)!["ErrorMessage"]!.GetValue<string>().Should().Contain("--max-added-entities 2");
        (await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Project/1003"))).StatusCode.Should().Be(404);
        _engine.Invoking(e => e.Setup("Project 1003 exists")).Should().Throw<InvalidOperationException>().WithMessage("*--max-added-entities 2*");
    }

    [Fact]
    public async Task SeededIds_AddedIdsAgain_AndDeletionsOfUnknownIds_AreNotCounted_AndAResetFreesTheRoom()
    {
        (await StateAsync("Contact 1001 exists")).StatusCode.Should().Be(200);
        (await StateAsync("Contact 1002 exists")).StatusCode.Should().Be(200);

        (await StateAsync("Contact 1001 was updated at 2020-01-01T00:00:00")).StatusCode.Should().Be(200);
        (await StateAsync("Contact 5 exists")).StatusCode.Should().Be(200);
        (await StateAsync("Contact 2000000000 does not exist")).StatusCode.Should().Be(200);
        (await StateAsync("Contact 2000000000 does not exist", "teardown")).StatusCode.Should().Be(200);
        (await StateAsync("Contact 1003 exists")).StatusCode.Should().Be(409);

        _engine.Reset();
        (await StateAsync("Contact 1003 exists")).StatusCode.Should().Be(200);
        (await _engine.HandleAsync(new MockRequest("GET", "/api/v1/Contact/1003"))).StatusCode.Should().Be(200);
    }

    private async Task<(int StatusCode, string Body)> StateAsync(string state, string action = "setup")
    {
        var body = new JsonObject { ["action"] = action, ["state"] = state }.ToJsonString();
        var response = await _engine.HandleAsync(new MockRequest(
            "POST", "/__admin/provider-states", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, Encoding.UTF8.GetBytes(body)));
        return (response.StatusCode, Encoding.UTF8.GetString(response.Body));
    }
}
