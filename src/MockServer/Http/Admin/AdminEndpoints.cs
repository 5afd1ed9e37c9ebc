using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Store;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The admin API under the reserved <c>/__admin</c> prefix, dispatched before any entity route:
/// <c>GET health</c>, <c>POST reset</c>, <c>GET</c>/<c>DELETE requests</c> and <c>GET requests/count</c>
/// (<see cref="JournalEndpoints"/>), <c>GET</c>/<c>POST provider-states</c>, the fault rules (<see cref="FaultEndpoints"/>),
/// the sessions (<see cref="SessionEndpoints"/>) and the coverage of the contract (<see cref="CoverageEndpoints"/>).
/// A reset and a provider state act on the session the request names (<see cref="SessionRequest"/>), else on the default world.
/// Admin requests need no entity authorization; <see cref="AdminGuard"/> keeps other sites out of them. The browser
/// pages (admin page, docs, OpenAPI document) are <see cref="AdminPages"/>'s, found before the switch.
/// </summary>
internal sealed class AdminEndpoints(MockContext mock)
{
    /// <summary>The admin API's prefix: the one place it is spelled (the dispatcher, the entity routes, the journal and the banner ask here).</summary>
    public const string Prefix = "/__admin";

    /// <summary>The journal's own path: reading it (and anything below it) is not recorded in it.</summary>
    public const string JournalPath = Prefix + "/requests";

    /// <summary>True for the journal's routes, <c>/__admin/requests</c> and below, which the journal does not record.</summary>
    public static bool ReadsJournal(PathString path) => path.StartsWithSegments(JournalPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="path"/> is the admin prefix or below it (<c>/__admin</c>, <c>/__admin/health</c>, not <c>/__administrator</c>).</summary>
    public static bool Owns(string path) =>
        path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == Prefix.Length || path[Prefix.Length] == '/');

    private const string FaultRoute = "/faults/";

    private const string SessionRoute = "/sessions/";

    private readonly AdminGuard _guard = new(mock.Cors, mock.Options.AdminToken);
    private readonly AdminPages _pages = new(new OpenApiDocument(mock.Catalog.Files, mock.Catalog.PathOf("openapi.json")), AdminAssets.SwaggerUiBundled);
    private readonly JournalEndpoints _journal = new(mock);

    private readonly FaultEndpoints _faults = new(mock);

    private readonly SessionEndpoints _sessions = new(mock);

    private readonly CoverageEndpoints _coverage = new(mock);

    public Task HandleAsync(HttpContext context, string subPath)
    {
        var method = context.Request.Method;
        var route = subPath.ToLowerInvariant().TrimEnd('/');
        var page = _pages.Find(context.Request, subPath, route);
        var (allow, handler) = page is not null ? ("GET", page) : route switch
        {
            "" => ("GET", (Func<HttpContext, Task>?)Index),
            "/health" => ("GET", Health),
            "/reset" => ("POST", Reset),
            "/requests" => ("GET, DELETE", _journal.ListAsync),
            "/requests/count" => ("GET", _journal.CountAsync),
            "/provider-states" => ("GET, POST", ProviderStates),
            "/faults" => ("GET, POST, DELETE", _faults.AllAsync),
            "/violations" => ("GET, DELETE", Violations),
            _ when route.StartsWith(FaultRoute, StringComparison.Ordinal) => ("DELETE", c => _faults.OneAsync(c, subPath.TrimEnd('/')[FaultRoute.Length..])),
            "/sessions" => ("GET, DELETE", _sessions.AllAsync),
            _ when route.StartsWith(SessionRoute, StringComparison.Ordinal) => ("DELETE", c => _sessions.OneAsync(c, subPath.TrimEnd('/')[SessionRoute.Length..])),
            "/coverage" => ("GET, DELETE", _coverage.HandleAsync),
            _ => (null, null),
        };
        var refused = handler is null ? MockErrors.RouteNotFound(context.Request.Path)
            : _guard.Check(context.Request, open: page is not null || route == "/health")
            ?? (allow!.Split(", ").Contains(method) ? null : MockErrors.MethodNotAllowed(method, context.Request.Path, allow));
        return refused is null ? handler!(context) : ErrorResponse.WriteAsync(context, refused);
    }

    private static Task Index(HttpContext context) => Write(context, new AdminIndexModel(
        [$"GET {Prefix}/health", $"POST {Prefix}/reset", $"GET {JournalPath}", $"GET {JournalPath}/count", $"DELETE {JournalPath}", $"GET {Prefix}/provider-states", $"POST {Prefix}/provider-states",
            $"GET {FaultEndpoints.Path}", $"POST {FaultEndpoints.Path}", $"DELETE {FaultEndpoints.Path}", $"DELETE {FaultEndpoints.Path}/{{id}}",
            $"GET {Prefix}/violations", $"DELETE {Prefix}/violations",
            $"GET {SessionEndpoints.Path}", $"DELETE {SessionEndpoints.Path}", $"DELETE {SessionEndpoints.Path}/{{name}}", $"GET {CoverageEndpoints.Path}", $"DELETE {CoverageEndpoints.Path}"]),
        AdminJsonContext.Default.AdminIndexModel);

    /// <summary>The readiness probe (<see cref="HealthReport"/>), with its length set (probes and scripts read it whole).</summary>
    private Task Health(HttpContext context)
    {
        var health = HealthReport.Of(mock);
        context.Response.StatusCode = HealthReport.StatusCode(health.Status);
        context.Response.Headers.CacheControl = "no-store";
        return Write(context, health, AdminJsonContext.Default.HealthModel);
    }

    /// <summary>Back to the seed: the session's world alone when the request names one, else the default world (and the fault rules go).</summary>
    private Task Reset(HttpContext context) => InWorldAsync(context, (world, session) =>
    {
        if (session is null)
        {
            if (mock.Reset() is { } refused)
            {
                return ErrorResponse.WriteAsync(context, refused);
            }
        }
        else
        {
            world.Reset();
        }

        return Write(context, new ResetModel(true, world.Models.ToDictionary(m => m.Resource, world.Count)) { Session = session }, AdminJsonContext.Default.ResetModel);
    });

    /// <summary>The contract violations of proxied exchanges, per operation, side and path; DELETE forgets them.</summary>
    private Task Violations(HttpContext context)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            mock.Violations.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return Write(context, mock.Violations.Snapshot(), AdminJsonContext.Default.ViolationSummaryModel);
    }

    private Task ProviderStates(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            return Write(context, new ProviderStatesModel(mock.ProviderStates.Known, mock.ProviderStates.Resources), AdminJsonContext.Default.ProviderStatesModel);
        }

        return InWorldAsync(context, (world, _) => SetUpAsync(context, world));
    }

    /// <summary>
    /// Runs <paramref name="action"/> in the world the request names: the default world's store (session null), or
    /// the session's, entered for the while (started from the seed when new); a bad name or a session that cannot start is refused.
    /// </summary>
    private async Task InWorldAsync(HttpContext context, Func<EntityStore, string?, Task> action)
    {
        var name = SessionRequest.Read(context.Request, out var refused);
        if (name is null)
        {
            await (refused is null ? action(mock.Store, null) : ErrorResponse.WriteAsync(context, refused));
            return;
        }

        if (mock.Sessions.Enter(name, out refused) is not { } session)
        {
            await ErrorResponse.WriteAsync(context, refused!);
            return;
        }

        JournalExchange.InSession(context, session);
        try
        {
            await action(session.Store, name);
        }
        finally
        {
            mock.Sessions.Leave(session);
        }
    }

    private async Task SetUpAsync(HttpContext context, EntityStore world)
    {
        var (body, refused) = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        var request = body is null ? null : ReadStateRequest(body, out refused);
        var values = request is null ? null : mock.ProviderStates.Apply(world, request, out refused);
        if (refused is not null)
        {
            await ErrorResponse.WriteAsync(context, refused);
            return;
        }

        await Write(context, values, AdminJsonContext.Default.JsonObject);
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

    /// <summary>An admin answer, with its length, handed to the journal as it is written.</summary>
    private static Task WriteBytes(HttpContext context, byte[] json)
    {
        context.Response.ContentType = EntityResponse.JsonContentType;
        context.Response.ContentLength = json.Length;
        JournalExchange.Answering(context, JournalBody.Of(json));
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    /// <summary>A small admin answer (the journal's list streams instead): serialized once, so the journal can keep its bytes.</summary>
    public static Task Write<T>(HttpContext context, T model, JsonTypeInfo<T> typeInfo) =>
        WriteBytes(context, JsonSerializer.SerializeToUtf8Bytes(model, typeInfo));
}
