using System.Net;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>A reset on a data folder: at any time, also right after a restart, and it lasts.</summary>
public sealed class ResetTests : IDisposable
{
    private const string Seeded = "Schuster-Reichel";
    private readonly DataFolder _data = new();

    [Fact]
    public async Task Reset_AfterARestartOnAnExistingFolder_AnswersOkAndLastsAcrossTheNextRestart()
    {
        await using (var first = await _data.StartAsync())
        {
            (await DataFolder.PatchNameAsync(first, "Before Restart")).Should().Be(HttpStatusCode.OK);
        }

        await using (var second = await _data.StartAsync())
        {
            (await DataFolder.NameAsync(second)).Should().Be("Before Restart");
            using var reset = await DataFolder.PostAsync(second, "/__admin/reset");
            reset.StatusCode.Should().Be(HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
            (await DataFolder.NameAsync(second)).Should().Be(Seeded);
        }

        await using var third = await _data.StartAsync();
        (await DataFolder.NameAsync(third)).Should().Be(Seeded);
    }

    [Fact]
    public async Task UpdateAfterReset_IsKeptAndTheOnesBeforeAreNot()
    {
        await using (var first = await _data.StartAsync())
        {
            await DataFolder.PatchNameAsync(first, "Before Reset");
            using var deep = await DataFolder.PatchAsync(first, "/api/v1/Contact/5", """{"Department":"gone"}""", "application/merge-patch+json");
            (await DataFolder.PostAsync(first, "/__admin/reset")).Dispose();
            (await DataFolder.PatchNameAsync(first, "After Reset")).Should().Be(HttpStatusCode.OK);
        }

        await using var second = await _data.StartAsync();
        (await DataFolder.NameAsync(second)).Should().Be("After Reset");
        (await DataFolder.GetAsync(second, "/api/v1/Contact/5"))!["Department"]!.GetValue<string>().Should().NotBe("gone");
    }

    public void Dispose() => _data.Dispose();
}
