using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Tests.Support;
using Microsoft.AspNetCore.Http;
using static ContractHarness.MockServer.Tests.Proxy.ProxyAdmin;

namespace ContractHarness.MockServer.Tests.Proxy;

/// <summary>
/// A tenant that gives no answer is an answer, not a hang: 502 when it cannot be reached (a closed port, a dropped
/// connection, a certificate this machine does not trust), 504 past <c>--proxy-timeout</c>, each with the error body
/// naming the tenant and the cause, and each in the journal.
/// </summary>
public sealed class TenantFailureTests
{
    private static readonly (string, string) Auth = ("Authorization", "Bearer user");

    [Fact]
    public async Task UnreachableTenant_Is502_NamingTheTenantAndTheCause_AndTheJournalHasIt()
    {
        var closed = ClosedPort();
        await using var proxy = await StartProxyAsync(new Uri($"http://127.0.0.1:{closed}/tenant"));
        using var client = RawClient(proxy.BaseAddress);

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.BadGateway);
        message.Should().Contain($"http://127.0.0.1:{closed}/tenant").And.Contain("GET /api/v1/Contact/66").And.Contain("the connection failed");
        (await Json.ObjectAsync(response))["ErrorType"]!.GetValue<string>().Should().Be("TenantUnreachable");
        Count(response).Should().Be(0);
        var entry = (await JournalAsync(client))[0]!;
        entry["status"]!.GetValue<int>().Should().Be(502);
        ((string)entry["responseBody"]!).Should().Contain("TenantUnreachable");
        entry["violations"]!.AsArray().Should().BeEmpty("the request kept the contract; the entry of a proxied request lists its violations all the same");
    }

    [Fact]
    public async Task DroppedConnection_Is502()
    {
        await using var tenant = await FakeTenant.StartAsync();
        tenant.Answer = context =>
        {
            context.Abort();
            return Task.CompletedTask;
        };
        await using var proxy = await StartProxyAsync(tenant.BaseAddress);
        using var client = RawClient(proxy.BaseAddress);

        using var response = await SendAsync(client, HttpMethod.Patch, "/api/v1/Contact/66", """{"Department":"x"}""", "application/merge-patch+json", Auth);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadGateway)).Should().Contain(TenantName(tenant));
        tenant.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task SlowTenant_Is504_OnTheMocksClock_NotBefore()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var tenant = await FakeTenant.StartAsync();
        tenant.Answer = context => Task.Delay(Timeout.Infinite, context.RequestAborted);
        await using var proxy = await StartProxyAsync(tenant.BaseAddress, clock, TimeSpan.FromSeconds(30));
        using var client = RawClient(proxy.BaseAddress);

        var sending = SendAsync(client, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);
        await WaitUntilAsync(() => !tenant.Received.IsEmpty);
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200, CancellationToken.None);
        sending.IsCompleted.Should().BeFalse("the tenant still has a second");
        clock.Advance(TimeSpan.FromSeconds(2));
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(20));

        var message = await response.ShouldBeErrorAsync(HttpStatusCode.GatewayTimeout);
        message.Should().Contain(TenantName(tenant)).And.Contain("within 30 s");
        (await Json.ObjectAsync(response))["ErrorType"]!.GetValue<string>().Should().Be("TenantTimeout");
        (await JournalAsync(client))[0]!["status"]!.GetValue<int>().Should().Be(504);
    }

    [Fact]
    public async Task SlowTenant_Is504_WithinTheTimeout_OnTheSystemClock()
    {
        await using var tenant = await FakeTenant.StartAsync();
        tenant.Answer = context => Task.Delay(Timeout.Infinite, context.RequestAborted);
        await using var proxy = await StartProxyAsync(tenant.BaseAddress, TimeProvider.System, TimeSpan.FromSeconds(0.5));
        using var client = RawClient(proxy.BaseAddress);
        var watch = Stopwatch.StartNew();

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the answer comes at the timeout, not when the tenant gives up");
    }

    [Fact]
    public async Task SlowBody_CountsTowardsTheTimeout()
    {
        await using var tenant = await FakeTenant.StartAsync();
        tenant.Answer = async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"ContactId\":");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };
        await using var proxy = await StartProxyAsync(tenant.BaseAddress, TimeProvider.System, TimeSpan.FromSeconds(0.5));
        using var client = RawClient(proxy.BaseAddress);

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task HttpsTenant_IsReachedWithTheSystemsTrust_AnUntrustedCertificateIs502()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var tenant = await FakeTenant.StartAsync(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null));
        tenant.BaseAddress.Scheme.Should().Be("https");
        await using var proxy = await StartProxyAsync(tenant.BaseAddress);
        using var client = RawClient(proxy.BaseAddress);

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/Contact/66", headers: Auth);

        (await response.ShouldBeErrorAsync(HttpStatusCode.BadGateway)).Should().Contain("TLS handshake failed");
        tenant.Received.Should().BeEmpty("nothing is sent over a connection whose certificate is not trusted");
    }

    private static Task<SuperOfficeMockServer> StartProxyAsync(Uri tenant, TimeProvider? clock = null, TimeSpan? timeout = null) =>
        SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions
        {
            Port = 0, LogRequests = false, Proxy = tenant, TimeProvider = clock ?? TimeProvider.System, ProxyTimeout = timeout ?? TimeSpan.FromSeconds(30),
        });

    private static string TenantName(FakeTenant tenant) => tenant.BaseAddress.ToString().TrimEnd('/');

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener stops
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(10, CancellationToken.None);
        }

        condition().Should().BeTrue();
    }
}
