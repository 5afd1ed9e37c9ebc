using System.Net;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Builds the mock on the smallest ASP.NET Core host: an empty builder (no configuration sources, logging providers
/// or hosting services to set up) with Kestrel's core alone, and one handler, <see cref="MockPipeline"/> (<see cref="MockHandler"/> picks it). No MVC and
/// no endpoint routing on the hot path.
/// </summary>
internal static class MockApplication
{
    /// <summary>The host on Kestrel, without the mock's pipeline: it needs only the options, so it is built while the contracts load.</summary>
    public static WebApplication CreateHost(SuperOfficeMockServerOptions options)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes * RequestBody.DrainFactor;
            kestrel.Listen(Address(options.Host), options.Port, listen => listen.Use(RequestLineCheck.Middleware(kestrel.Limits.RequestHeadersTimeout)));
        });
        return builder.Build();
    }

    /// <summary>
    /// The mock's pipeline on a host from <see cref="CreateHost"/>, for contracts that may still be loading: the host
    /// can start listening (and Kestrel get its first connection ready) meanwhile. A request that arrives before
    /// they are loaded waits for them; if they fail to load, it gets a 503 while the mock shuts down.
    /// <paramref name="waiting"/>, when given, is told each time a request starts to wait (tests hold the loading until then).
    /// </summary>
    public static void MapMock(WebApplication app, Task<MockContext> loading, Action? waiting = null)
    {
        var pipeline = loading.ContinueWith(
            static loaded => MockHandler.Build(loaded.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        app.Run(context => pipeline.IsCompletedSuccessfully ? pipeline.Result(context) : AfterLoadingAsync(context, pipeline, waiting));
    }

    private static async Task AfterLoadingAsync(HttpContext context, Task<RequestDelegate> pipeline, Action? waiting)
    {
        waiting?.Invoke();
        RequestDelegate handler;
        try
        {
            handler = await pipeline;
        }
        catch (Exception error)
        {
            var reason = (error as AggregateException)?.InnerException ?? error;
            await ErrorResponse.WriteAsync(context, new MockHttpException(
                StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "NotStarted", $"The mock could not load its contracts: {reason.Message}"));
            return;
        }

        await handler(context);
    }

    private static IPAddress Address(string host) => HostPolicy.TryParseBindAddress(host, out var address)
        ? address
        : throw new ArgumentException($"'{host.Trim()}' is not an IP address to bind to (use 127.0.0.1, 0.0.0.0, ::1 or localhost).");
}
