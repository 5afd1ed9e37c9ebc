using System.Text.Json;
using System.Text.RegularExpressions;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations.Coverage;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The journal's routes: <c>GET /__admin/requests</c> (the entries, newest first, filtered by <see cref="JournalFilter"/>),
/// <c>GET /__admin/requests/count</c> and <c>DELETE /__admin/requests</c>. Neither is recorded in the journal
/// (<see cref="AdminEndpoints.ReadsJournal"/>). Bodies become text here, when someone asks, never on the request path.
/// </summary>
internal sealed class JournalEndpoints(MockContext mock)
{
    public Task ListAsync(HttpContext context)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            mock.Journal.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var (entries, total) = mock.Journal.Snapshot();
        if (Select(context, entries, allowLimit: true, out var refused) is not { } selected)
        {
            return ErrorResponse.WriteAsync(context, refused!);
        }

        var model = new JournalModel(mock.Journal.Capacity, total, [.. selected.Select(e => ToModel(mock.Routes, e))]);
        context.Response.ContentType = EntityResponse.JsonContentType;
        return JsonSerializer.SerializeAsync(context.Response.Body, model, AdminJsonContext.Default.JournalModel, context.RequestAborted);
    }

    public Task CountAsync(HttpContext context)
    {
        var (entries, _) = mock.Journal.Snapshot();
        return Select(context, entries, allowLimit: false, out var refused) is { } selected
            ? AdminEndpoints.Write(context, new JournalCountModel(selected.Count), AdminJsonContext.Default.JournalCountModel)
            : ErrorResponse.WriteAsync(context, refused!);
    }

    /// <summary>The entries the query asks for, or null and its 400 in <paramref name="refused"/>.</summary>
    private static List<JournalEntry>? Select(HttpContext context, IReadOnlyList<JournalEntry> entries, bool allowLimit, out MockHttpException? refused)
    {
        var filter = JournalFilter.Parse(context.Request.Query, allowLimit, out refused);
        try
        {
            if (filter is not null)
            {
                var selected = entries.Where(filter.Matches);
                return [.. filter.Limit is { } limit ? selected.Take(limit) : selected];
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // The regular expression engine's exception stops here: a pattern that backtracks too long is the client's mistake.
            refused = JournalFilter.Invalid("pathPattern", $"took longer than {JournalFilter.MatchTimeout.TotalMilliseconds} ms on a path; simplify it");
        }

        return null;
    }

    /// <summary>An entry as the admin API (and <see cref="SuperOfficeMockEngine.Journal"/>) shows it: bodies become text here.</summary>
    public static RequestModel ToModel(EntityRoutes routes, JournalEntry e)
    {
        var bodies = e.Bodies; // once: the budget may take them meanwhile
        return new(
            e.Id, e.Time, e.Method, e.Path, e.Status, e.Milliseconds, Operation(routes, e.Method, e.Path), e.Fault,
            e.RequestHeaders.ToDictionary(StringComparer.OrdinalIgnoreCase),
            bodies.Request.ToText(), bodies.RequestTruncated, bodies.Response.ToText(), bodies.ResponseTruncated,
            bodies.WereDropped)
        {
            Violations = e.Violations is { } violations ? [.. violations.Select(v => new ViolationModel(v.Side, v.Path, v.Message))] : null,
            Session = e.Session,
            Errors = bodies.Errors is { } errors ? [.. errors.Select(static error => new SchemaErrorModel(error.Path, error.Kind, error.Message))] : null,
        };
    }

    /// <summary>
    /// The operation a recorded request reached: <c>"PATCH Contact/{id}"</c> for a method the entity route serves,
    /// <c>"admin"</c> under <see cref="AdminEndpoints.Prefix"/>, null for anything else.
    /// </summary>
    public static string? Operation(EntityRoutes routes, string method, string pathAndQuery)
    {
        var path = JournalFilter.PathOf(pathAndQuery).ToString();
        if (AdminEndpoints.Owns(path))
        {
            return "admin";
        }

        return routes.TryMatch(path, out var route, out var id) && !id.IsEmpty && route.Serves(method)
            ? CatalogOperations.NameOf(route.Model, method)
            : null;
    }
}
