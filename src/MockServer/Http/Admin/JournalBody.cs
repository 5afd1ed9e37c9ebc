using System.Buffers.Text;
using System.Text;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// A body as the journal keeps it: the very bytes the request was read into or the answer was written from (a
/// reference, never a copy on the hot path), and for an entity answer the <c>_Links</c> parts it was spliced with
/// (<see cref="LinkWriter"/> caches them per host). Text is made only when the journal is read.
/// </summary>
internal readonly struct JournalBody
{
    private readonly byte[]? _bytes;
    private readonly int _linksStart;
    private readonly int _linksEnd;
    private readonly byte[]? _linksBefore;
    private readonly byte[]? _linksAfter;
    private readonly int _id;

    private JournalBody(byte[] bytes, int linksStart, int linksEnd, byte[]? linksBefore, int id, byte[]? linksAfter)
    {
        _bytes = bytes;
        _linksStart = linksStart;
        _linksEnd = linksEnd;
        _linksBefore = linksBefore;
        _id = id;
        _linksAfter = linksAfter;
    }

    /// <summary>Whether a body was kept (false for none, such as a GET's request or a HEAD's answer).</summary>
    public bool HasValue => _bytes is not null;

    /// <summary>The whole body's length in bytes.</summary>
    public int Length => _bytes is null ? 0
        : _linksBefore is null ? _bytes.Length
        : _bytes.Length - (_linksEnd - _linksStart) + _linksBefore.Length + LinkWriter.Digits(_id) + _linksAfter!.Length;

    /// <summary>A body sent or answered as these bytes.</summary>
    public static JournalBody Of(byte[] bytes) => new(bytes, -1, -1, null, 0, null);

    /// <summary>An entity answer: <paramref name="bytes"/> with the <c>_Links</c> value between the offsets replaced by before + id + after.</summary>
    public static JournalBody OfEntity(byte[] bytes, int linksStart, int linksEnd, (byte[] Before, byte[] After) links, int id) =>
        new(bytes, linksStart, linksEnd, links.Before, id, links.After);

    /// <summary>
    /// What the journal keeps of this body: itself when it fits in <paramref name="limit"/>, otherwise a copy of its
    /// first <paramref name="limit"/> bytes (cut at a character boundary), so a large body is not held whole.
    /// </summary>
    public JournalBody Kept(int limit, out bool truncated)
    {
        truncated = Length > limit;
        if (!truncated)
        {
            return this;
        }

        var whole = ToBytes();
        return Of(whole.AsSpan(0, CharacterBoundary(whole, limit)).ToArray());
    }

    /// <summary>The body as text (it is UTF-8 JSON: the request passed <see cref="UnicodeCheck"/>, answers are the mock's own), or null for none.</summary>
    public string? ToText() => _bytes is null ? null : Encoding.UTF8.GetString(_linksBefore is null ? _bytes : ToBytes());

    private byte[] ToBytes()
    {
        if (_linksBefore is null)
        {
            return _bytes!;
        }

        var whole = new byte[Length];
        var span = whole.AsSpan();
        _bytes.AsSpan(0, _linksStart).CopyTo(span);
        span = span[_linksStart..];
        _linksBefore.CopyTo(span);
        span = span[_linksBefore.Length..];
        Utf8Formatter.TryFormat(_id, span, out var written);
        span = span[written..];
        _linksAfter.CopyTo(span);
        _bytes.AsSpan(_linksEnd).CopyTo(span[_linksAfter!.Length..]);
        return whole;
    }

    /// <summary>The largest length up to <paramref name="limit"/> that does not split a UTF-8 sequence.</summary>
    private static int CharacterBoundary(byte[] bytes, int limit)
    {
        var cut = limit;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }
}
