using ContractHarness.MockServer.Model;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The browser side of <c>/__admin</c>: the admin page (<c>/__admin/</c>, or <c>/__admin</c> asked for as HTML), the
/// API docs (<c>/__admin/docs</c>, swagger-ui-dist bundled at build time) and the OpenAPI document they read
/// (<c>/__admin/openapi.json</c>). These are the same bytes for every client and hold no state of the mock, so they
/// need no <c>--admin-token</c> (a browser cannot send one when it opens a page): the pages ask for the token and send
/// it from script with every call that reads or changes the mock. Origin and Host are checked as for every admin route.
/// <paramref name="swaggerUiBundled"/> says whether the build embedded swagger-ui-dist (<see cref="AdminAssets.SwaggerUiBundled"/>).
/// </summary>
internal sealed class AdminPages(OpenApiDocument openApi, bool swaggerUiBundled)
{
    /// <summary>Our pages load scripts, styles and data from the mock alone; nothing may frame them.</summary>
    private const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The docs page as the admin page, except that swagger-ui applies inline styles as it renders (Chromium blocks
    /// them and logs a violation under <c>style-src 'self'</c>; DocsPageTests watch for that), hence
    /// <c>'unsafe-inline'</c> for styles only; scripts stay <c>'self'</c>.
    /// </summary>
    private const string DocsPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Our own files change with the mock: revalidate. swagger-ui's change only with its pinned version.</summary>
    private const string OwnCaching = "no-cache";
    private const string VendorCaching = "public, max-age=3600";

    /// <summary>The files below <c>/__admin</c> by their lower-cased path (routes are matched lower-cased).</summary>
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["/ui/admin.js"] = AdminAssets.Pages + "admin.js",
        ["/ui/admin.css"] = AdminAssets.Pages + "admin.css",
        ["/docs/docs.js"] = AdminAssets.Pages + "docs.js",
        ["/docs/swagger-ui-bundle.js"] = AdminAssets.SwaggerUi + "swagger-ui-bundle.js",
        ["/docs/swagger-ui-standalone-preset.js"] = AdminAssets.SwaggerUi + "swagger-ui-standalone-preset.js",
        ["/docs/swagger-ui.css"] = AdminAssets.SwaggerUi + "swagger-ui.css",
        ["/docs/license"] = AdminAssets.SwaggerUi + "LICENSE",
        ["/docs/notice"] = AdminAssets.SwaggerUi + "NOTICE",
        ["/docs/swagger-ui-bundle.js.license.txt"] = AdminAssets.SwaggerUi + "swagger-ui-bundle.js.LICENSE.txt",
        ["/docs/swagger-ui-standalone-preset.js.license.txt"] = AdminAssets.SwaggerUi + "swagger-ui-standalone-preset.js.LICENSE.txt",
    };

    /// <summary>
    /// The handler of a page route, or null when <paramref name="route"/> (lower-cased, without trailing slash) is
    /// not one. <c>/__admin</c> itself is the page for a browser (it asks for HTML) and with a trailing slash; JSON
    /// clients keep the index.
    /// </summary>
    public Func<HttpContext, Task>? Find(HttpRequest request, string subPath, string route) => route switch
    {
        "" => subPath == "/" || AcceptsHtml(request) ? AdminPage : null,
        "/openapi.json" => OpenApi,
        "/docs" => Docs,
        _ => Files.TryGetValue(route, out var name) ? context => File(context, name) : null,
    };

    private static Task AdminPage(HttpContext context)
    {
        context.Response.Headers.Vary = HeaderNames.Accept;
        return WriteAsync(context, AdminAssets.Pages + "admin.html", PagePolicy);
    }

    private Task Docs(HttpContext context) =>
        swaggerUiBundled ? WriteAsync(context, AdminAssets.Pages + "docs.html", DocsPolicy) : ErrorResponse.WriteAsync(context, DocsNotBundled());

    private Task File(HttpContext context, string name) =>
        name.StartsWith(AdminAssets.SwaggerUi, StringComparison.Ordinal) && !swaggerUiBundled
            ? ErrorResponse.WriteAsync(context, DocsNotBundled())
            : WriteAsync(context, name, policy: null);

    private Task OpenApi(HttpContext context)
    {
        var request = context.Request;
        var server = request.Host.HasValue ? string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value) : request.PathBase.Value + "/";
        if (openApi.For(server) is not { } document)
        {
            return ErrorResponse.WriteAsync(context, MockErrors.NotFound("OpenAPI Document", $"The contract set has no OpenAPI document ({openApi.SourceFile}); 'make contracts' writes it."));
        }

        context.Response.Headers.CacheControl = OwnCaching;
        return Write(context, document, EntityResponse.JsonContentType);
    }

    private static Task WriteAsync(HttpContext context, string name, string? policy)
    {
        var bytes = AdminAssets.Find(name) ?? throw new InvalidOperationException($"The embedded file {name} is missing from the build.");
        var headers = context.Response.Headers;
        headers.CacheControl = name.StartsWith(AdminAssets.SwaggerUi, StringComparison.Ordinal) ? VendorCaching : OwnCaching;
        if (policy is not null)
        {
            headers.ContentSecurityPolicy = policy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        return Write(context, bytes, AdminAssets.ContentType(name));
    }

    private static Task Write(HttpContext context, byte[] bytes, string contentType)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    /// <summary>True when the client lists <c>text/html</c> among the types it accepts (a browser's navigation does).</summary>
    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types)
        && types.Any(t => t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && t.Quality is not 0);

    private static MockHttpException DocsNotBundled() => new(
        StatusCodes.Status503ServiceUnavailable, "Docs Not Bundled", "DocsNotBundled",
        "The API docs' assets (swagger-ui-dist) were not bundled into this build: node_modules/swagger-ui-dist was missing when the mock was built. "
        + "Run 'npm ci' (or 'make tools') in the repository, then rebuild the mock. The OpenAPI document is at /__admin/openapi.json.");
}
