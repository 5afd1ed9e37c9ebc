using ContractHarness.TestSupport.Crash;

namespace ContractHarness.MockServer.Tests.Support;

/// <summary>
/// One mock per test class, with a manual clock and no console log, on the host the run asks for: Kestrel in-process
/// on a free port; when <c>CONTRACTHARNESS_MOCK_BINARY</c> names an executable (the Native AOT build in <c>make
/// test</c>), that program as a child process with the same options on its command line (its clock is the system's:
/// tests that move the clock run in-process only); when <c>CONTRACTHARNESS_MOCK_HOST=memory</c>, the engine's
/// in-memory handler (<see cref="SuperOfficeMockEngine.CreateClient"/>), no socket. <see cref="HostsAttribute"/> on a
/// test class says which of them it runs on. Tests call <see cref="ResetAsync"/> (through <see cref="MockServerTestBase"/>)
/// so each starts from the seed.
/// </summary>
public class MockServerFixture : IAsyncLifetime
{
    /// <summary>The variable that asks for the in-memory host (<c>memory</c>).</summary>
    public const string HostVariable = "CONTRACTHARNESS_MOCK_HOST";

    /// <summary>The address the in-memory engine answers for.</summary>
    public static readonly Uri MemoryBaseAddress = new("http://mock.test/");

    private SuperOfficeMockServer? _server;
    private MockProcess? _process;
    private SuperOfficeMockEngine? _engine;

    /// <summary>True when this run's mock is the in-memory engine.</summary>
    public static bool InMemory => string.Equals(Environment.GetEnvironmentVariable(HostVariable), "memory", StringComparison.OrdinalIgnoreCase);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Scheme, host and port of the mock, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url => BaseAddress.GetLeftPart(UriPartial.Authority);

    public int Port => BaseAddress.Port;

    public HttpClient Client { get; private set; } = null!;

    private Uri BaseAddress => _server?.BaseAddress ?? _engine?.BaseAddress ?? _process!.BaseAddress;

    public async Task InitializeAsync()
    {
        var options = new SuperOfficeMockServerOptions { Port = 0, TimeProvider = Clock, LogRequests = false };
        Configure(options);
        if (InMemory)
        {
            _engine = SuperOfficeMockEngine.Start(MemoryBaseAddress, options);
            Client = _engine.CreateClient();
            return;
        }

        if (MockProcess.ExternalBinary is null)
        {
            _server = await SuperOfficeMockServer.StartAsync(options);
        }
        else
        {
            _process = await MockProcess.StartAsync(CommandLine(options));
        }

        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Resets the store to the seed and the clock to its start.</summary>
    public virtual async Task ResetAsync()
    {
        Clock.AdjustTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        using var response = await Client.PostAsync("/__admin/reset", AdminRequests.JsonBody);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        _engine?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    /// <summary>The options a fixture sets, as the mock's command line (besides <c>--port 0 --quiet</c>).</summary>
    private static List<string> CommandLine(SuperOfficeMockServerOptions options)
    {
        var args = new List<string> { "--journal-size", options.JournalSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (options.JournalBodyBytes != new SuperOfficeMockServerOptions().JournalBodyBytes)
        {
            args.AddRange(["--journal-body-bytes", options.JournalBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (options.RequireAuth)
        {
            args.Add("--require-auth");
        }

        if (options.IgnorePreconditions)
        {
            args.Add("--ignore-preconditions");
        }

        if (options.AdminToken is { } token)
        {
            args.AddRange(["--admin-token", token]);
        }

        if (options.CorsOrigins.Count > 0)
        {
            args.AddRange(["--cors-origins", string.Join(',', options.CorsOrigins)]);
        }

        if (options.AllowedHosts.Count > 0)
        {
            args.AddRange(["--allowed-hosts", string.Join(',', options.AllowedHosts)]);
        }

        return args;
    }

    /// <summary>Lets a derived fixture change options before the server starts.</summary>
    protected virtual void Configure(SuperOfficeMockServerOptions options)
    {
    }
}

/// <summary>What a test sends with an <c>/__admin</c> change that has no body: the JSON Content-Type the mock requires.</summary>
public static class AdminRequests
{
    public static HttpContent JsonBody => new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>A mock that requires authorization.</summary>
public sealed class AuthRequiredFixture : MockServerFixture
{
    protected override void Configure(SuperOfficeMockServerOptions options) => options.RequireAuth = true;
}

/// <summary>A mock with the contract-breaking testing aid switched on.</summary>
public sealed class IgnorePreconditionsFixture : MockServerFixture
{
    protected override void Configure(SuperOfficeMockServerOptions options) => options.IgnorePreconditions = true;
}

/// <summary>A mock that allows one extra browser origin.</summary>
public sealed class ExtraCorsOriginFixture : MockServerFixture
{
    public const string Origin = "https://app.example.com";

    protected override void Configure(SuperOfficeMockServerOptions options) => options.CorsOrigins = [Origin];
}

/// <summary>A mock with a tiny request journal.</summary>
public sealed class SmallJournalFixture : MockServerFixture
{
    protected override void Configure(SuperOfficeMockServerOptions options) => options.JournalSize = 3;
}

/// <summary>A mock that answers one extra host name.</summary>
public sealed class AllowedHostFixture : MockServerFixture
{
    public const string Host = "mock.test";

    protected override void Configure(SuperOfficeMockServerOptions options) => options.AllowedHosts = [Host];
}

/// <summary>A mock whose admin API needs a token.</summary>
public sealed class AdminTokenFixture : MockServerFixture
{
    public const string Token = "s3cret-admin";

    protected override void Configure(SuperOfficeMockServerOptions options) => options.AdminToken = Token;

    /// <summary>Resets with the token, as a client of this mock must.</summary>
    public override async Task ResetAsync()
    {
        Clock.AdjustTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/__admin/reset") { Content = AdminRequests.JsonBody };
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
