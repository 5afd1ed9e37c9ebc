using System.Net;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>What a 200 acknowledged is there after a restart, however deep, however concurrent.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly DataFolder _data = new();

    [Fact]
    public async Task Restart_AfterAnUpdateNestedDeeperThan64_KeepsItAndTheUpdateAfterIt()
    {
        await using (var first = await _data.StartAsync())
        {
            using var deep = await DataFolder.PatchAsync(first, "/api/v1/Contact/3",
                $$"""[{"op":"replace","path":"/Interests/0/ChildItems","value":[{{DataFolder.Nested(70)}}]}]""");
            deep.StatusCode.Should().Be(HttpStatusCode.OK);
            using var after = await DataFolder.PatchAsync(first, "/api/v1/Contact/4", """{"Department":"after-deep"}""", "application/merge-patch+json");
            after.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var second = await _data.StartAsync();
        var contact3 = await DataFolder.GetAsync(second, "/api/v1/Contact/3");
        DataFolder.DepthOf(contact3!["Interests"]![0]!["ChildItems"]![0]).Should().Be(70);
        (await DataFolder.GetAsync(second, "/api/v1/Contact/4"))!["Department"]!.GetValue<string>().Should().Be("after-deep");
    }

    [Fact]
    public async Task Restart_AfterConcurrentUpdatesOfManyEntities_KeepsEachOnesLastAcknowledgedVersion()
    {
        var ids = Enumerable.Range(1, 40).ToList();
        Dictionary<int, JsonNode?> acknowledged;
        await using (var first = await _data.StartAsync())
        {
            // Per entity five updates in a row; the entities in parallel, so commits are shared.
            var last = await Task.WhenAll(ids.Select(async id =>
            {
                JsonNode? answered = null;
                for (var round = 1; round <= 5; round++)
                {
                    using var response = await DataFolder.PatchAsync(first, $"/api/v1/Contact/{id}", $$"""{"Department":"d{{id}}-{{round}}"}""", "application/merge-patch+json");
                    response.StatusCode.Should().Be(HttpStatusCode.OK);
                    answered = DataFolder.Parse(await response.Content.ReadAsStringAsync());
                }

                return (id, answered);
            }));
            acknowledged = last.ToDictionary(l => l.id, l => l.answered);
        }

        await using var second = await _data.StartAsync();
        foreach (var id in ids)
        {
            var stored = await DataFolder.GetAsync(second, $"/api/v1/Contact/{id}");
            stored!["Department"]!.GetValue<string>().Should().Be($"d{id}-5");
            JsonNode.DeepEquals(stored, acknowledged[id]).Should().BeTrue($"Contact {id} must be exactly its last acknowledged version");
        }
    }

    [Fact]
    public async Task Restart_AfterConcurrentUpdatesOfOneEntity_KeepsTheVersionThatWasVisibleLast()
    {
        JsonObject? visible;
        var answered = new List<string>();
        await using (var first = await _data.StartAsync())
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
                DataFolder.PatchAsync(first, "/api/v1/Contact/7", $$"""[{"op":"add","path":"/Domains/-","value":"d{{i}}.example"}]""")));
            responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
            foreach (var response in responses)
            {
                answered.Add(await response.Content.ReadAsStringAsync());
                response.Dispose();
            }

            visible = await DataFolder.GetAsync(first, "/api/v1/Contact/7");
        }

        await using var second = await _data.StartAsync();
        var stored = await DataFolder.GetAsync(second, "/api/v1/Contact/7");
        JsonNode.DeepEquals(stored, visible).Should().BeTrue();
        stored!["Domains"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Contain(Enumerable.Range(0, 30).Select(i => $"d{i}.example"));
        answered.Should().Contain(a => JsonNode.DeepEquals(DataFolder.Parse(a), stored), "the stored version is one that was acknowledged");
    }

    [Fact]
    public async Task Restart_AfterAProviderStateDeletedAnEntity_KeepsItDeleted()
    {
        await using (var first = await _data.StartAsync())
        {
            using var state = await DataFolder.PostAsync(first, "/__admin/provider-states", """{"state":"Contact 66 does not exist"}""");
            state.StatusCode.Should().Be(HttpStatusCode.OK);
            (await DataFolder.GetAsync(first, "/api/v1/Contact/66")).Should().BeNull();
        }

        await using var second = await _data.StartAsync();
        (await DataFolder.GetAsync(second, "/api/v1/Contact/66")).Should().BeNull();
        second.EntityCounts["/api/v1/Contact/{id}"].Should().Be(99);
    }

    public void Dispose() => _data.Dispose();
}
