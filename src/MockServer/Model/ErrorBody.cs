using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// Writes the real server's error shape, <c>{"Error": true, "ErrorType": ..., "ErrorMessage": ..., "ErrorSource": ...}</c>,
/// as <c>application/json</c>, with the status line's reason phrase naming the problem.
/// </summary>
internal static class ErrorBody
{
    /// <summary>The <c>ErrorSource</c> of every error the mock writes.</summary>
    public const string Source = "ContractHarness.MockServer";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(string errorType, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("Error", true);
            writer.WriteString("ErrorType", errorType);
            writer.WriteString("ErrorMessage", message);
            writer.WriteString("ErrorSource", Source);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

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

        var body = Serialize(error.ErrorType, error.Message);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}
