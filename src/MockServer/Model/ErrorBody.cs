using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>
    /// Adds a violation for each way <paramref name="body"/> is not the error shape the contract gives every error answer
    /// (<c>Error</c> true, <c>ErrorType</c> and <c>ErrorMessage</c> strings, <c>ErrorSource</c> a string or null when present).
    /// </summary>
    public static void Check(JsonNode? body, string side, List<ContractViolation> into)
    {
        if (body is not JsonObject error)
        {
            into.Add(new ContractViolation(side, ContractViolation.WholeBody, "an error answer's body must be the error object {\"Error\": true, \"ErrorType\", \"ErrorMessage\", \"ErrorSource\"}."));
            return;
        }

        if (!(error["Error"] is JsonValue flag && flag.TryGetValue<bool>(out var isError) && isError))
        {
            into.Add(new ContractViolation(side, "/Error", error.ContainsKey("Error") ? "must be true." : "the required property 'Error' is missing."));
        }

        foreach (var name in (ReadOnlySpan<string>)["ErrorType", "ErrorMessage"])
        {
            if (!IsString(error[name]))
            {
                into.Add(new ContractViolation(side, "/" + name, error.ContainsKey(name) ? "must be a string." : $"the required property '{name}' is missing."));
            }
        }

        if (error.TryGetPropertyValue("ErrorSource", out var source) && source is not null && !IsString(source))
        {
            into.Add(new ContractViolation(side, "/ErrorSource", "must be a string or null."));
        }
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;
}
