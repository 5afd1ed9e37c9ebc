using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The admin API under the reserved <c>/__admin</c> prefix, dispatched before any entity route:
/// <c>GET health</c>, <c>POST reset</c>, <c>GET</c>/<c>DELETE requests</c>, <c>GET</c>/<c>POST provider-states</c>, and the
/// fault rules (<see cref="FaultEndpoints"/>).
/// Admin requests need no entity authorization; <see cref="AdminGuard"/> keeps other sites out of them.
/// </summary>
internal sealed class AdminEndpoints(MockContext mock)
{
    /// <summary>The admin API's prefix: the one place it is spelled (the dispatcher, the entity routes, the journal and the banner ask here).</summary>
    public const string Prefix = "/__admin";

    /// <summary>The journal's own path: reading it is not recorded in it.</summary>
    public const string JournalPath = Prefix + "/requests";

    /// <summary>True when <paramref name="path"/> is the admin prefix or below it (<c>/__admin</c>, <c>/__admin/health</c>, not <c>/__administrator</c>).</summary>
    public static bool Owns(string path) =>
        path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == Prefix.Length || path[Prefix.Length] == '/');

    private const string FaultRoute = "/faults/";

    private readonly AdminGuard _guard = new(mock.Cors, mock.Options.AdminToken);

    private readonly FaultEndpoints _faults = new(mock);

    public Task HandleAsync(HttpContext context, string subPath)
    {
        var method = context.Request.Method;
        var route = subPath.ToLowerInvariant().TrimEnd('/');
        var (allow, handler) = route switch
        {
            "" => ("GET", (Func<HttpContext, Task>?)Index),
            "/health" => ("GET", Health),
            "/reset" => ("POST", Reset),
            "/requests" => ("GET, DELETE", Requests),
            "/provider-states" => ("GET, POST", ProviderStates),
            "/faults" => ("GET, POST, DELETE", _faults.AllAsync),
            _ when route.StartsWith(FaultRoute, StringComparison.Ordinal) => ("DELETE", c => _faults.OneAsync(c, subPath.TrimEnd('/')[FaultRoute.Length..])),
            _ => (null, null),
        };
        var refused = handler is null ? MockErrors.RouteNotFound(context.Request.Path)
            : _guard.Check(context.Request, isHealth: route == "/health")
            ?? (allow!.Split(", ").Contains(method) ? null : MockErrors.MethodNotAllowed(method, context.Request.Path, allow));
        return refused is null ? handler!(context) : ErrorResponse.WriteAsync(context, refused);
    }

    private static Task Index(HttpContext context) => Write(context, new AdminIndexModel(
        [$"GET {Prefix}/health", $"POST {Prefix}/reset", $"GET {JournalPath}", $"DELETE {JournalPath}", $"GET {Prefix}/provider-states", $"POST {Prefix}/provider-states",
            $"GET {FaultEndpoints.Path}", $"POST {FaultEndpoints.Path}", $"DELETE {FaultEndpoints.Path}", $"DELETE {FaultEndpoints.Path}/{{id}}"]),
        AdminJsonContext.Default.AdminIndexModel);

    /// <summary>The readiness probe, with its length set (probes and scripts read it whole).</summary>
    private Task Health(HttpContext context) => WriteBytes(context, JsonSerializer.SerializeToUtf8Bytes(
        new HealthModel(
            "Healthy",
            mock.Options.Seed,
            mock.Options.EntityCount,
            mock.Options.RequireAuth,
            !string.IsNullOrEmpty(mock.Options.DataDirectory),
            [.. mock.Store.Models.Select(m => new EndpointModel(m.Route, m.Entity, m.PrimaryKey, mock.Routes.AllowFor(m).Split(", "), mock.Store.Count(m), m.FixtureId))]),
        AdminJsonContext.Default.HealthModel));

    private Task Reset(HttpContext context)
    {
        mock.Reset();
        return Write(context, new ResetModel(true, mock.Store.Models.ToDictionary(m => m.Resource, mock.Store.Count)), AdminJsonContext.Default.ResetModel);
    }

    private Task Requests(HttpContext context)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            mock.Journal.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var (entries, total) = mock.Journal.Snapshot();
        var model = new JournalModel(mock.Journal.Capacity, total, [.. entries.Select(e => new RequestModel(e.Time, e.Method, e.Path, e.Status, e.Milliseconds))]);
        return Write(context, model, AdminJsonContext.Default.JournalModel);
    }

    private async Task ProviderStates(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await Write(context, new ProviderStatesModel(mock.ProviderStates.Known, mock.ProviderStates.Resources), AdminJsonContext.Default.ProviderStatesModel);
            return;
        }

        var (body, refused) = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        var request = body is null ? null : ReadStateRequest(body, out refused);
        var values = request is null ? null : mock.ProviderStates.Apply(request, out refused);
        if (refused is not null)
        {
            await ErrorResponse.WriteAsync(context, refused);
            return;
        }

        await WriteBytes(context, JsonSerializer.SerializeToUtf8Bytes(values, AdminJsonContext.Default.JsonObject));
    }

    private static ProviderStateRequestModel? ReadStateRequest(byte[] body, out MockHttpException? refused)
    {
        refused = null;
        try
        {
            var request = body.Length == 0 ? null : JsonSerializer.Deserialize(body, AdminJsonContext.Default.ProviderStateRequestModel);
            if (request is null)
            {
                refused = MockErrors.BadRequest("Send {\"action\": \"setup\", \"state\": \"Contact 66 exists\", \"params\": {}}.", "Invalid Provider State");
            }

            return request;
        }
        catch (JsonException e)
        {
            refused = MockErrors.BadRequest($"The provider-state body is not valid: {e.Message}", "Invalid Provider State");
            return null;
        }
    }

    /// <summary>Writes a serialized admin answer with its length.</summary>
    internal static Task WriteBytes(HttpContext context, byte[] json)
    {
        context.Response.ContentType = EntityResponse.JsonContentType;
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    private static Task Write<T>(HttpContext context, T model, JsonTypeInfo<T> typeInfo)
    {
        context.Response.ContentType = EntityResponse.JsonContentType;
        return JsonSerializer.SerializeAsync(context.Response.Body, model, typeInfo, context.RequestAborted);
    }
}
