using System.Net;
using System.Text.Json;
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

public sealed class InMemoryConcurrencyTests(MockServerFixture fixture) : ConcurrencyTests<MockServerFixture>(fixture);
