using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using Microsoft.Net.Http.Headers;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// Reads a request body after checking its media type and size: JSON-family types (<c>application/json</c>,
/// <c>text/json</c>, any <c>*+json</c>) are accepted and a missing Content-Type counts as JSON; anything else
/// (XML, forms) gets 415. A body over the limit gets 413, from its Content-Length before reading when it has one.
/// A refusal is returned with the (null) body, not thrown.
/// </summary>
internal static class RequestBody
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = StoredEntityJson.MaxDepth };

    /// <summary>
    /// Reads the whole body (without a UTF-8 byte order mark, which some Windows clients send) and refuses text that
    /// is not Unicode (<see cref="UnicodeCheck"/>).
    /// </summary>
    public static async Task<(byte[]? Body, MockHttpException? Refused)> ReadJsonAsync(HttpContext context, long limit)
    {
        if (MediaTypeRefusal(context.Request.ContentType) is { } unsupported)
        {
            return (null, unsupported);
        }

        byte[]? body;
        try
        {
            body = await ReadAsync(context, limit);
        }
        catch (IOException error) when (error is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            // Kestrel reports some framing garbage (a chunk size that overflows 64 bits) as a plain IOException
            // rather than a BadHttpRequestException (which RequestPipeline maps, 413 included): a client mistake all the same.
            return (null, MockErrors.Unreadable(error.Message));
        }

        if (body is null)
        {
            return (null, MockErrors.PayloadTooLarge(limit));
        }

        JournalExchange.RequestRead(context, body);
        return UnicodeCheck.Check(body) is { } malformed ? (null, malformed) : (body, null);
    }

    /// <summary>
    /// Reads the whole body as it was sent, whatever its media type and bytes (a byte order mark stays): for a request
    /// passed on unchanged. Only its size and framing can refuse it (413, 400).
    /// </summary>
    public static async Task<(byte[]? Body, MockHttpException? Refused)> ReadRawAsync(HttpContext context, long limit)
    {
        byte[]? body;
        try
        {
            body = await ReadAsync(context, limit, dropBom: false);
        }
        catch (IOException error) when (error is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            return (null, MockErrors.Unreadable(error.Message));
        }

        if (body is null)
        {
            return (null, MockErrors.PayloadTooLarge(limit));
        }

        JournalExchange.RequestRead(context, body);
        return (body, null);
    }

    /// <summary>
    /// A request body's JSON (duplicate member names refused, nesting within what the store keeps), or null and the
    /// 400 in <paramref name="refused"/> (the reader's exception stops here).
    /// </summary>
    public static JsonNode? ParseJson(byte[] body, out MockHttpException? refused)
    {
        refused = null;
        try
        {
            return JsonNode.Parse(body, NodeOptions, StrictJson);
        }
        catch (JsonException e)
        {
            refused = MockErrors.BadRequest($"The body is not valid JSON: {e.Message}", "Malformed JSON");
            return null;
        }
    }

    /// <summary>The whole body, or null when it is larger than <paramref name="limit"/> (read to its end and dropped).</summary>
    private static async Task<byte[]?> ReadAsync(HttpContext context, long limit, bool dropBom = true)
    {
        var request = context.Request;
        var reader = request.BodyReader;
        if (request.ContentLength > limit)
        {
            await DrainAsync(reader, context.RequestAborted);
            return null;
        }

        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            if (result.Buffer.Length > limit)
            {
                reader.AdvanceTo(result.Buffer.End);
                await DrainAsync(reader, context.RequestAborted);
                return null;
            }

            if (result.IsCompleted)
            {
                var buffer = result.Buffer;
                var bytes = (dropBom && buffer.FirstSpan.StartsWith(Utf8Bom) ? buffer.Slice(Utf8Bom.Length) : buffer).ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>
    /// Reads and drops the rest of a body that is too large, so the client, still sending, can read the 413
    /// instead of seeing its connection reset. Kestrel's own limit (<see cref="DrainFactor"/> times ours) bounds it.
    /// </summary>
    private static async Task DrainAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>How many times the mock's body limit Kestrel accepts (and drains) before it drops the connection.</summary>
    public const int DrainFactor = 16;

    /// <summary>The 415 for a Content-Type that is not JSON, or null (a missing one counts as JSON).</summary>
    public static MockHttpException? MediaTypeRefusal(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || IsJson(MediaTypeOf(contentType))
            ? null
            : MockErrors.UnsupportedMediaType(contentType);

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the Content-Type names the JSON Merge Patch media type.</summary>
    public static bool IsMergePatch(string? contentType) =>
        contentType is not null && "application/merge-patch+json".Equals(MediaTypeOf(contentType), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the Content-Type names the JSON Patch media type.</summary>
    public static bool IsJsonPatch(string? contentType) =>
        contentType is not null && "application/json-patch+json".Equals(MediaTypeOf(contentType), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The media type of a Content-Type value without its parameters, or null when the value does not parse. A
    /// client sends the same value with every request, and a PATCH asks up to three times: the last value parsed is
    /// kept and compared first (an ordinal comparison of the whole value, so the same text gets the same answer).
    /// </summary>
    private static string? MediaTypeOf(string contentType) => LastMediaType.Get(contentType);

    private static readonly LastResult<string, string?> LastMediaType =
        new(static contentType => MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.MediaType.Value : null);
}
