using System.Buffers;
using ContractHarness.MockServer.Http.Admin;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// Writes an entity answer from its stored bytes, without re-serializing: the bytes before the <c>_Links</c> value,
/// the links built for this request (<c>Self</c> and <c>Archive</c> as absolute URLs of the host the client
/// called), and the bytes after it. With <c>$select</c>, the projection of a copy is written instead. Every entity
/// answer carries the version's strong <c>ETag</c> and <c>Cache-Control: no-cache</c>, so a browser that keeps it
/// asks again (with <c>If-None-Match</c>) before showing it.
/// </summary>
internal static class EntityResponse
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private const string Revalidate = "no-cache";

    /// <summary>The validators and caching rule of an answer about <paramref name="entity"/> (a 200 or a 304).</summary>
    public static void WriteValidators(HttpResponse response, StoredEntity entity)
    {
        var headers = response.Headers;
        headers.LastModified = entity.LastModified; // of the stored entity, whatever $select leaves out
        headers.CacheControl = Revalidate;
        if (entity.Tag is { } tag)
        {
            headers.ETag = tag.ETag;
        }
    }

    public static async Task WriteAsync(HttpContext context, LinkWriter links, int id, StoredEntity entity, SelectProjection? select)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        WriteValidators(response, entity);
        if (select is not null)
        {
            entity = select.Apply(entity);
        }

        var bytes = entity.Utf8;
        if (entity.LinksStart < 0)
        {
            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                JournalExchange.Answering(context, JournalBody.Of(bytes));
                await response.Body.WriteAsync(bytes, context.RequestAborted);
            }

            return;
        }

        var parts = links.Parts(context.Request); // once per answer: the length, the journal and the bytes use them
        response.ContentLength = bytes.Length - (entity.LinksEnd - entity.LinksStart) + LinkWriter.Length(parts, id);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // The journal keeps references to the stored bytes and the host's link parts, not the spliced answer.
        JournalExchange.Answering(context, JournalBody.OfEntity(bytes, entity.LinksStart, entity.LinksEnd, parts, id));

        // Headers first: body bytes written before the response has started are buffered by Kestrel and copied
        // a second time once the headers are out.
        await response.StartAsync(context.RequestAborted);
        var writer = response.BodyWriter;
        writer.Write(bytes.AsSpan(0, entity.LinksStart));
        LinkWriter.Write(writer, parts, id);
        writer.Write(bytes.AsSpan(entity.LinksEnd));
        await writer.FlushAsync(context.RequestAborted);
    }
}
