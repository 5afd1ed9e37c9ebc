using System.Net;
using System.Text.Json.Nodes;
using ContractHarness.Pact.Interop;
using ContractHarness.Pact.Tests.Support;
using ContractHarness.Pact.Verifier;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace ContractHarness.Pact.Tests.Interop;

/// <summary>
/// Every string the engine hands over is freed, and every pact, mock server and verifier handle is released: many
/// cycles leave the process's settled native memory where it was. Bounds are generous (growth measured here stays
/// under about 1 MB); leaving the strings unfreed made the runs grow by 15 MB and the reads by 135 MB.
/// </summary>
[Collection(MemoryCollection.Name)]
public class NativeMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long Megabyte = 1024 * 1024;
    private readonly TempDirectory pacts = new();

    public void Dispose() => pacts.Dispose();

    [Fact]
    public async Task TwoHundredMockServerCycles_KeepMemoryFlat()
    {
        using var client = new HttpClient();
        async Task Cycle(int i)
        {
            var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction($"change {i % 10}");
            var honour = i % 2 == 0;
            try
            {
                await pact.VerifyAsync(async context =>
                {
                    if (honour)
                    {
                        (await ContactPact.SendPatchAsync(context.MockServerUri)).Dispose();
                    }
                });
            }
            catch (PactFailureException) when (!honour)
            {
                // Every other cycle fails on purpose, so the mismatch strings are read too.
            }
        }

        for (var i = 0; i < 40; i++)
        {
            await Cycle(i);
        }

        var before = ProcessMemory.SettledAnonymousBytes();
        for (var i = 0; i < 200; i++)
        {
            await Cycle(i);
        }

        var growth = ProcessMemory.SettledAnonymousBytes() - before;
        output.WriteLine($"200 mock-server cycles: settled anonymous memory grew {growth / 1024} KB");
        growth.Should().BeLessThan(8 * Megabyte);
    }

    [Fact]
    public async Task ReadingAVerifiersReportThousandsOfTimes_FreesEveryString()
    {
        var pactFile = await WritePactAsync();
        await using var provider = await StartProviderWithALargeWrongBodyAsync();
        using var handle = NativeMethods.VerifierNewForApplication("memory-test", "1");
        NativeMethods.VerifierSetProviderInfo(handle, "SuperOfficeWebApi", "http", provider.Uri.Host, (ushort)provider.Uri.Port, "/");
        VerifierConfiguration.Apply(handle, new VerifierSettings { ProviderName = "SuperOfficeWebApi", Config = new PactVerifierConfig(), Sources = { new FileSource(pactFile) } });
        var exitCode = await Task.Factory.StartNew(() => NativeMethods.VerifierExecute(handle), TaskCreationOptions.LongRunning);
        var sample = NativeVerifierRun.ReadResult(handle, exitCode);
        var bytesPerRead = sample.Output.Length + sample.Json.Length;
        bytesPerRead.Should().BeGreaterThan(100_000, "the report of a large body diff makes a leak easy to see");

        for (var i = 0; i < 50; i++)
        {
            _ = NativeVerifierRun.ReadResult(handle, exitCode);
        }

        var before = ProcessMemory.SettledAnonymousBytes();
        const int reads = 400;
        for (var i = 0; i < reads; i++)
        {
            _ = NativeVerifierRun.ReadResult(handle, exitCode);
        }

        var growth = ProcessMemory.SettledAnonymousBytes() - before;
        output.WriteLine($"{reads} reads of ~{bytesPerRead / 1024} KB: settled anonymous memory grew {growth / 1024} KB (unfreed it would be ~{(long)reads * bytesPerRead / Megabyte} MB)");
        growth.Should().BeLessThan(16 * Megabyte);
    }

    [Fact]
    public async Task HundredVerifierRuns_KeepMemoryFlat()
    {
        var pactFile = await WritePactAsync();
        await using var provider = await StartProviderWithALargeWrongBodyAsync();
        var verifier = new PactVerifier("SuperOfficeWebApi").WithHttpEndpoint(provider.Uri).WithFileSource(pactFile).WithProviderStateUrl(provider.StateUri);
        for (var i = 0; i < 15; i++)
        {
            (await verifier.ExecuteAsync()).Passed.Should().BeFalse();
        }

        var before = ProcessMemory.SettledAnonymousBytes();
        for (var i = 0; i < 100; i++)
        {
            _ = await verifier.ExecuteAsync();
        }

        var growth = ProcessMemory.SettledAnonymousBytes() - before;
        output.WriteLine($"100 verifier runs: settled anonymous memory grew {growth / 1024} KB");
        growth.Should().BeLessThan(8 * Megabyte, "unfreed reports would add about 150 KB a run");
    }

    private async Task<string> WritePactAsync()
    {
        var pact = ContactPact.NewPact(pacts.Path).WithPatchInteraction();
        await pact.VerifyAsync(async context => (await ContactPact.SendPatchAsync(context.MockServerUri)).Dispose());
        return Path.Combine(pacts.Path, "SuperOfficeWebClient-SuperOfficeWebApi.json");
    }

    /// <summary>A provider whose answer misses every expected field and carries 60 KB of other ones, so the report's diff is large.</summary>
    private static Task<TestProvider> StartProviderWithALargeWrongBodyAsync()
    {
        var body = new JsonObject();
        for (var i = 0; i < 600; i++)
        {
            body[$"field{i}"] = new string('x', 80);
        }

        return TestProvider.StartAsync(app => app.MapPatch("/api/v1/Contact/{id}", () => TestProvider.Json(body, (int)HttpStatusCode.OK)));
    }
}
