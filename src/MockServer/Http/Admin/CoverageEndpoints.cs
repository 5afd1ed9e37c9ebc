namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// <c>/__admin/coverage</c>: <c>GET</c> answers the coverage of the contract (<see cref="CoverageModel"/>), of all
/// traffic (the default world and every session), or with a session named (<see cref="SessionRequest"/>) of that
/// session alone; <c>DELETE</c> forgets the counts: every count without a session, that session's with one. Resets
/// leave the counts alone: coverage is about a whole test run, which resets between its tests.
/// </summary>
internal sealed class CoverageEndpoints(MockContext mock)
{
    public const string Path = AdminEndpoints.Prefix + "/coverage";

    public Task HandleAsync(HttpContext context)
    {
        var name = SessionRequest.Read(context.Request, out var refused);
        if (refused is not null)
        {
            return ErrorResponse.WriteAsync(context, refused);
        }

        var session = name is null ? null : mock.Sessions.Find(name);
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            if (name is null)
            {
                mock.Coverage.Clear();
                foreach (var each in mock.Sessions.List())
                {
                    each.CoverageIfAny?.Clear();
                }
            }
            else
            {
                session?.CoverageIfAny?.Clear();
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var counts = name is null ? mock.Coverage : session?.CoverageIfAny;
        return AdminEndpoints.Write(context, CoverageModel.Of(name, mock.Operations, counts), AdminJsonContext.Default.CoverageModel);
    }
}
