using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;
using Microsoft.AspNetCore.Http.Features;

namespace ContractHarness.MockServer.Http;

/// <summary>Answers a refusal: its status, reason phrase and headers, and the <see cref="ErrorBody"/> as <c>application/json</c>.</summary>
internal static class ErrorResponse
{
    public static Task WriteAsync(HttpContext context, MockHttpException error)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = error.Status;
        var feature = context.Features.Get<IHttpResponseFeature>();
        if (feature is not null)
        {
            feature.ReasonPhrase = error.Reason;
        }

        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        var body = ErrorBody.Serialize(error.ErrorType, error.Message);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        JournalExchange.Answering(context, JournalBody.Of(body), error.Errors);
        return response.Body.WriteAsync(body).AsTask();
    }
}
