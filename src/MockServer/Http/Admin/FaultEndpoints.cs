using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// <c>/__admin/faults</c>: <c>POST</c> adds a rule (201 with the stored rule and its <c>Location</c>), <c>GET</c> lists
/// them oldest first, <c>DELETE</c> removes all; <c>DELETE /__admin/faults/{id}</c> removes one (404 when unknown).
/// A refused rule changes nothing.
/// </summary>
internal sealed class FaultEndpoints(MockContext mock)
{
    public const string Path = AdminEndpoints.Prefix + "/faults";

    public async Task AllAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsDelete(request.Method))
        {
            mock.Faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            await AdminEndpoints.Write(context, new FaultListModel([.. mock.Faults.All.Select(FaultModel.Of)]), AdminJsonContext.Default.FaultListModel);
            return;
        }

        var (body, refused) = await RequestBody.ReadJsonAsync(context, mock.Options.MaxRequestBodyBytes);
        var rule = body is null ? null : FaultRuleReader.Read(body, mock.Store.Models, out refused);
        if (rule is null)
        {
            await ErrorResponse.WriteAsync(context, refused ?? MockErrors.BadRequest("Send a fault rule, e.g. {\"entity\": \"Contact\", \"status\": 503}.", "Invalid Fault Rule"));
            return;
        }

        if (mock.Faults.Add(rule) is { } full)
        {
            await ErrorResponse.WriteAsync(context, full);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"{Path}/{rule.Id}";
        await AdminEndpoints.Write(context, FaultModel.Of(rule), AdminJsonContext.Default.FaultModel);
    }

    public Task OneAsync(HttpContext context, string id)
    {
        if (!mock.Faults.Remove(id))
        {
            return ErrorResponse.WriteAsync(context, MockErrors.NotFound("Fault", $"No fault rule '{id}'; GET {Path} lists them."));
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
