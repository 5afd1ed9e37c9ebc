using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContractHarness.TestSupport;

namespace ContractHarness.WireMock.Tests.Support;

/// <summary>
/// The real WireMock standalone jar (npm package <c>wiremock</c>, pinned in package.json) on
/// <c>contracts/wiremock</c>, started once per test class on a free port and stopped with it.
/// </summary>
public sealed class JavaWireMock : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The jar the npm package ships, e.g. <c>node_modules/wiremock/build/wiremock-standalone-3.13.2.jar</c>.</summary>
    public static string Jar
    {
        get
        {
            var folder = RepoRoot.Combine("node_modules", "wiremock", "build");
            var jars = Directory.Exists(folder) ? Directory.GetFiles(folder, "wiremock-standalone-*.jar") : [];
            return jars.Length == 1
                ? jars[0]
                : throw new InvalidOperationException($"Expected one wiremock-standalone jar in {folder}, found {jars.Length}: run 'make tools' (npm ci).");
        }
    }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("java", ["-jar", Jar, "--port", $"{port}", "--bind-address", "127.0.0.1",
            "--root-dir", RepoRoot.Combine("contracts", "wiremock"), "--disable-banner", "--no-request-journal"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("java is not on PATH: install a Java 17 runtime (.ci/run does on CI).", ex);
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilHealthy();
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilHealthy()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"WireMock exited with {_process.ExitCode}:\n{Log()}");
            }

            try
            {
                using var health = await Http.GetAsync("/__admin/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"WireMock did not become healthy within 60 s:\n{Log()}");
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
