using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ContractHarness.TestSupport.Crash;

/// <summary>
/// The built mock as a child process, on a free port (with a data folder for the crash tests); <see cref="KillAsync"/>
/// is SIGKILL, so nothing after the last acknowledged write gets a chance to flush. The program is the copy the build
/// places next to this assembly, or the one <see cref="BinaryVariable"/> names (the Native AOT build, in <c>make test</c>).
/// </summary>
internal sealed partial class MockProcess : IAsyncDisposable
{
    /// <summary>Names a mock executable to run instead of the build's copy, e.g. <c>.artifacts/mock-aot/ContractHarness.MockServer.Tool</c>.</summary>
    public const string BinaryVariable = "CONTRACTHARNESS_MOCK_BINARY";

    private readonly Process _process;

    private MockProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The mock executable <see cref="BinaryVariable"/> names, or null to use the build's copy.</summary>
    public static string? ExternalBinary => Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    public static Task<MockProcess> StartAsync(string dataDirectory) => StartAsync(["--data", dataDirectory]);

    /// <summary>Starts the mock on a free port, quiet, with <paramref name="arguments"/> besides.</summary>
    public static async Task<MockProcess> StartAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var appHost = ExternalBinary ?? Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "ContractHarness.MockServer.Tool.exe" : "ContractHarness.MockServer.Tool");
        if (ExternalBinary is not null && !File.Exists(appHost))
        {
            throw new FileNotFoundException($"{BinaryVariable} names '{appHost}', which does not exist.", appHost);
        }

        if (File.Exists(appHost))
        {
            start.FileName = appHost;
        }
        else
        {
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContractHarness.MockServer.Tool.dll"));
        }

        foreach (var argument in new[] { "--port", "0", "--quiet" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            var url = await ReadUrlAsync(process);
            var mock = new MockProcess(process, url);
            await mock.WaitHealthyAsync();
            return mock;
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>The banner's first line names the URL with the port the system chose.</summary>
    private static async Task<Uri> ReadUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = DrainAsync(process.StandardOutput);
                return new Uri(match.Groups[1].Value + "/");
            }
        }

        throw new InvalidOperationException($"The mock exited ({(process.HasExited ? process.ExitCode : -1)}) before printing its URL.");
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is not null)
        {
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("__admin/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The mock at {BaseAddress} never answered /__admin/health.");
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningOn();
}
