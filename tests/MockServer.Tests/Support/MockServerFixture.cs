using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Support;

/// <summary>
/// One in-process mock per test class, on a free port, with a manual clock and no console log. Tests call
/// <see cref="ResetAsync"/> (through <see cref="MockServerTestBase"/>) so each starts from the seed.
/// </summary>
public class MockServerFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public SuperOfficeMockServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SuperOfficeMockServerOptions { Port = 0, TimeProvider = Clock, LogRequests = false };
        Configure(options);
        Server = await SuperOfficeMockServer.StartAsync(options);
        Client = new HttpClient { BaseAddress = Server.BaseAddress };
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
        await Server.DisposeAsync();
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
