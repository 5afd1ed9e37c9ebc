using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Store;

/// <summary>Concurrent updates of one entity, in memory (<see cref="InMemoryConcurrencyTests"/>) and with a data folder.</summary>
public abstract class ConcurrencyTests<TFixture>(TFixture fixture) : MockServerTestBase<TFixture>(fixture)
    where TFixture : MockServerFixture
{
    [Fact]
    public async Task TwentyParallelTestAndReplacePatches_ExactlyOneWinsTheRestGet409()
    {
        var current = (await GetEntityAsync("/api/v1/Contact/66"))["Name"]!.GetValue<string>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.Task; // all twenty go at once, without blocking pool threads
            var body = $$"""[{"op":"test","path":"/Name","value":{{JsonSerializer.Serialize(current)}}},{"op":"replace","path":"/Name","value":"winner-{{i}}"}]""";
            using var response = await PatchAsync("/api/v1/Contact/66", body);
            return (Name: $"winner-{i}", response.StatusCode);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(19);
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK).Name;
        (await GetEntityAsync("/api/v1/Contact/66"))["Name"]!.GetValue<string>().Should().Be(winner);
    }

    [Fact]
    public async Task TwentyParallelReplacesWithOneIfMatch_ExactlyOneWinsTheRestGet412()
    {
        using var before = await GetAsync("/api/v1/Contact/66");
        var etag = before.Headers.ETag!.Tag;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.Task;
            using var response = await PatchAsync("/api/v1/Contact/66", $$"""[{"op":"replace","path":"/Department","value":"winner-{{i}}"}]""", headers: ("If-Match", etag));
            return (Name: $"winner-{i}", response.StatusCode);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        results.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(19);
        (await GetEntityAsync("/api/v1/Contact/66"))["Department"]!.GetValue<string>().Should().Be(results.Single(r => r.StatusCode == HttpStatusCode.OK).Name);
    }

    [Fact]
    public async Task TwentyParallelReplaces_EachIsOneVersion_AndTheLastAnsweredIsStored()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var updates = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.Task;
            using var response = await PatchAsync("/api/v1/Contact/66", $$"""{"Department":"d-{{i}}","Number1":"n-{{i}}"}""", "application/merge-patch+json");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return (response.StatusCode, ETag: response.Headers.ETag!.Tag, Department: (string)body["Department"]!, Number1: (string)body["Number1"]!);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(updates);

        results.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        results.Select(r => r.ETag).Should().OnlyHaveUniqueItems("every accepted update is a version of its own");
        results.Should().OnlyContain(r => r.Department.Substring(2) == r.Number1.Substring(2), "an update's members are applied together");
        using var after = await GetAsync("/api/v1/Contact/66");
        var stored = JsonNode.Parse(await after.Content.ReadAsStringAsync())!;
        var last = results.Single(r => r.ETag == after.Headers.ETag!.Tag);
        ((string)stored["Department"]!, (string)stored["Number1"]!).Should().Be((last.Department, last.Number1));
    }

    [Fact]
    public async Task ParallelAppendsToOneEntity_NoAcceptedUpdateIsLost()
    {
        var appends = Enumerable.Range(0, 20).Select(i =>
            PatchAsync("/api/v1/Contact/66", $$"""[{"op":"add","path":"/Domains/-","value":"d{{i}}.example"}]"""));
        var responses = await Task.WhenAll(appends);

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var domains = (await GetEntityAsync("/api/v1/Contact/66"))["Domains"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        domains.Should().HaveCount(22);
        domains.Should().Contain(Enumerable.Range(0, 20).Select(i => $"d{i}.example"));
    }
}

[Hosts(MockHosts.All)]
public sealed class InMemoryConcurrencyTests(MockServerFixture fixture) : ConcurrencyTests<MockServerFixture>(fixture);
