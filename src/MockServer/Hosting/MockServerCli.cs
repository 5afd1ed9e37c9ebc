using System.Collections;
using System.Runtime.InteropServices;
using ContractHarness.MockServer.Store.Seeding;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// The command-line entry: parse options, start, print the banner, serve until Ctrl+C or SIGTERM. A user's mistake
/// (a bad option value, an unusable data folder, a port in use) is one line on standard error and exit code 2.
/// </summary>
internal static class MockServerCli
{
    /// <summary>Exit code for a command line or environment that cannot be used.</summary>
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        return await RunAsync(args, Environment.GetEnvironmentVariables(), Console.Out, Console.Error, stop.Token);
    }

    /// <summary>The entry with its surroundings passed in (tests run it in-process): serves until <paramref name="stop"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IDictionary environment, TextWriter output, TextWriter error, CancellationToken stop)
    {
        if (MockServerOptionsParser.WantsHelp(args))
        {
            await output.WriteAsync(MockServerOptionsParser.Help());
            return 0;
        }

        SuperOfficeMockServerOptions options;
        try
        {
            options = MockServerOptionsParser.Parse(args, environment);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return UsageError;
        }

        if (StartChecks.Combination(options) is { } combination)
        {
            await error.WriteLineAsync($"error: {combination}. {MockServerOptionsParser.HelpHint}");
            return UsageError;
        }

        if ((StartChecks.DataFolder(options.DataDirectory) ?? StartChecks.RecordFolder(options.RecordDirectory) ?? StartChecks.ReplayFolder(options.ReplayDirectory)) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return UsageError;
        }

        SuperOfficeMockServer server;
        try
        {
            server = await SuperOfficeMockServer.StartAsync(options, stop);
        }
        catch (Exception e) when (StartChecks.Bind(e, options) is { } refused)
        {
            await error.WriteLineAsync(refused);
            return UsageError;
        }
        catch (ReplayFolderException e)
        {
            await error.WriteLineAsync($"error: --replay {e.Folder}: {e.Message.TrimEnd('.')}. {MockServerOptionsParser.HelpHint}");
            return UsageError;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"The mock could not start: {e.Message}");
            return 1;
        }

        await using var running = server;
        var log = options.LogWriter ?? output;
        await log.WriteLineAsync(Banner.For(server));
        await log.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            await log.WriteLineAsync("Stopping the mock.");
        }

        return 0;
    }
}
