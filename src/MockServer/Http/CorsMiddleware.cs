using ContractHarness.MockServer.Model;
using Microsoft.Extensions.Primitives;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// CORS for browser pages: answers preflights itself (204 with the allowed methods and headers, or 403 with a JSON
/// error for an origin, method or header that is not allowed) and adds <c>Access-Control-Allow-Origin</c> (with
/// credentials) to the responses of allowed origins. Requests from other origins are served without CORS headers,
/// so the browser keeps their answers from the page.
/// </summary>
internal sealed class CorsMiddleware(RequestDelegate next, CorsPolicy policy)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin))
        {
            return next(context);
        }

        var allowed = policy.IsOriginAllowed(origin.ToString());
        var isPreflight = HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method");
        if (isPreflight)
        {
            return Preflight(context, origin.ToString(), allowed);
        }

        if (allowed)
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                AddOriginHeaders(response.Headers, origin.ToString());
                response.Headers.AccessControlExposeHeaders = CorsPolicy.ExposedHeaders;
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private static Task Preflight(HttpContext context, string origin, bool allowed)
    {
        var headers = context.Request.Headers;
        var method = headers.AccessControlRequestMethod.ToString();
        var requestedHeaders = headers.AccessControlRequestHeaders.ToString();
        var refusal = !allowed ? $"Origin '{origin}' is not allowed; start the mock with --cors-origins {origin} to allow it."
            : !CorsPolicy.IsMethodAllowed(method) ? $"Method '{method}' is not allowed by CORS."
            : CorsPolicy.FirstDisallowedHeader(requestedHeaders) is { } header ? $"Header '{header}' is not allowed by CORS."
            : null;
        if (refusal is not null)
        {
            return ErrorResponse.WriteAsync(context, MockErrors.Forbidden(refusal));
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        AddOriginHeaders(response.Headers, origin);
        response.Headers.AccessControlAllowMethods = CorsPolicy.AllowedMethods;
        if (requestedHeaders.Length > 0)
        {
            response.Headers.AccessControlAllowHeaders = requestedHeaders;
        }

        response.Headers.AccessControlMaxAge = "600";
        return Task.CompletedTask;
    }

    private static void AddOriginHeaders(IHeaderDictionary headers, string origin)
    {
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        headers.Vary = "Origin";
    }
}
