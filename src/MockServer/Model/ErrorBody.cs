using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// Writes the real server's error shape, <c>{"Error": true, "ErrorType": ..., "ErrorMessage": ..., "ErrorSource": ...}</c>,
/// as JSON bytes (<see cref="Http.ErrorResponse"/> answers them with the status line's reason phrase naming the problem).
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
}
