using System.Net;
using ContractHarness.MockServer.Admin;
using ContractHarness.MockServer.Errors;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Builds the ASP.NET Core app on Kestrel: request log, error mapping and CORS around one dispatcher that sends
/// <c>/__admin</c> to the admin API first (no entity route can shadow it) and everything else to the catalog's
/// routes. No MVC and no endpoint routing on the hot path.
/// </summary>
internal static class MockApplication
{
    /// <summary>The host on Kestrel, without the mock's pipeline: it needs only the options, so it is built while the contracts load.</summary>
    public static WebApplication CreateHost(MockServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes * RequestBody.DrainFactor;
            kestrel.Listen(Address(options.Host), options.Port);
        });
        return builder.Build();
    }

    /// <summary>The mock's pipeline on a host from <see cref="CreateHost"/>.</summary>
    public static void MapMock(WebApplication app, MockContext mock)
    {
        var admin = new AdminEndpoints(mock);
        var entities = new EntityEndpoints(mock);
        app.UseMiddleware<RequestLogMiddleware>(mock);
        app.UseMiddleware<ErrorMiddleware>(mock.Options.MaxRequestBodyBytes);
        app.UseMiddleware<CorsMiddleware>(mock.Cors);
        app.Run(context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith(EntityModels.AdminPrefix, StringComparison.OrdinalIgnoreCase)
                && (path.Length == EntityModels.AdminPrefix.Length || path[EntityModels.AdminPrefix.Length] == '/'))
            {
                return admin.HandleAsync(context, path[EntityModels.AdminPrefix.Length..]);
            }

            return mock.Routes.TryMatch(path, out var model, out var id) && !id.IsEmpty
                ? entities.HandleAsync(context, model, id)
                : throw MockErrors.RouteNotFound(path);
        });
    }

    private static IPAddress Address(string host) => host.Trim() switch
    {
        "" or "*" or "+" or "0.0.0.0" => IPAddress.Any,
        "::" or "[::]" => IPAddress.IPv6Any,
        var h when h.Equals("localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
        var h => IPAddress.TryParse(h.Trim('[', ']'), out var address)
            ? address
            : throw new ArgumentException($"'{h}' is not an IP address to bind to (use 127.0.0.1, 0.0.0.0, ::1 or localhost)."),
    };
}
