namespace ContractHarness.MockServer.Errors;

/// <summary>
/// Turns a <see cref="MockHttpException"/> into its error response, a request that Kestrel rejected while reading
/// the body (too large, malformed) into a 4xx, and anything else (a bug in the mock) into a 500 with the same
/// JSON error shape.
/// </summary>
internal sealed class ErrorMiddleware(RequestDelegate next, long maxRequestBodyBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (MockHttpException error) when (!context.Response.HasStarted)
        {
            await ErrorBody.WriteAsync(context, error);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            var mapped = error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? MockErrors.PayloadTooLarge(maxRequestBodyBytes)
                : MockErrors.BadRequest($"The request could not be read: {error.Message}");
            await ErrorBody.WriteAsync(context, mapped);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            await ErrorBody.WriteAsync(context, new MockHttpException(500, "Internal Server Error", error.GetType().Name, $"The mock server failed: {error.Message}"));
        }
    }
}
