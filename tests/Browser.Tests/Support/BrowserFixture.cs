using Microsoft.Playwright;
using ContractHarness.MockServer;

namespace ContractHarness.Browser.Tests.Support;

/// <summary>
/// One headless Chromium, one mock (in-process, on a free port) and one page server per test class; each test opens
/// its own browser context (<see cref="NewPageAsync"/>), so cookies and storage never leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>A name no policy of the mock allows; Chromium resolves it to loopback (--host-resolver-rules).</summary>
    public const string ForeignHost = "foreign.test";

    private IPlaywright? _playwright;
    private PageServer? _pages;

    public IBrowser Browser { get; private set; } = null!;

    public SuperOfficeMockServer Mock { get; private set; } = null!;

    /// <summary>The mock's origin, <c>http://127.0.0.1:PORT</c>.</summary>
    public string MockUrl => Mock.Url;

    /// <summary>A page on an origin the mock allows (any port of localhost).</summary>
    public string AllowedPage => $"http://localhost:{_pages!.Port}/";

    /// <summary>A page on an origin the mock does not allow.</summary>
    public string ForeignPage => $"http://{ForeignHost}:{_pages!.Port}/";

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Chromium.Require();
        var options = new SuperOfficeMockServerOptions { Port = 0, LogRequests = false };
        Configure(options);
        Mock = await SuperOfficeMockServer.StartAsync(options);
        Client = new HttpClient { BaseAddress = Mock.BaseAddress };
        _pages = await PageServer.StartAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--host-resolver-rules=MAP {ForeignHost} 127.0.0.1"],
        });
    }

    /// <summary>A page in a fresh context, with short timeouts (a page that does not show what is expected fails in seconds).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_pages is not null)
        {
            await _pages.DisposeAsync();
        }

        if (Mock is not null)
        {
            await Mock.DisposeAsync();
        }
    }

    /// <summary>Lets a derived fixture change the mock's options before it starts.</summary>
    protected virtual void Configure(SuperOfficeMockServerOptions options)
    {
    }
}

/// <summary>A mock whose entity routes need Authorization, so a cross-origin PATCH must carry it through the preflight.</summary>
public sealed class RequireAuthBrowserFixture : BrowserFixture
{
    protected override void Configure(SuperOfficeMockServerOptions options) => options.RequireAuth = true;
}

/// <summary>A mock whose admin API needs a token.</summary>
public sealed class AdminTokenBrowserFixture : BrowserFixture
{
    public const string Token = "browser-s3cret";

    protected override void Configure(SuperOfficeMockServerOptions options) => options.AdminToken = Token;
}
