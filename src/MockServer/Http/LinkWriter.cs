using System.Buffers.Text;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The <c>_Links</c> value of an answer, <c>{"Self":"http://host/api/v1/Contact/66","Archive":"http://host/api/v1/Contact"}</c>,
/// as absolute URLs of the scheme and host the client called. The bytes around the id are made once per route and
/// host, so serving an entity allocates nothing for them.
/// </summary>
internal sealed class LinkWriter(EntityModel model)
{
    private const int MaxCachedHosts = 32;
    private readonly ConcurrentDictionary<string, (byte[] Before, byte[] After)> _byHost = new(StringComparer.Ordinal);

    /// <summary>How many bytes <see cref="Write"/> writes with these parts.</summary>
    public static int Length((byte[] Before, byte[] After) parts, int id) => parts.Before.Length + Digits(id) + parts.After.Length;

    /// <summary>Writes the links of <paramref name="id"/> from the request's <see cref="Parts"/>.</summary>
    public static void Write(IBufferWriter<byte> writer, (byte[] Before, byte[] After) parts, int id)
    {
        writer.Write(parts.Before);
        var span = writer.GetSpan(11);
        Utf8Formatter.TryFormat(id, span, out var written);
        writer.Advance(written);
        writer.Write(parts.After);
    }

    /// <summary>The link bytes before and after the id for the request's scheme and host (made once per host).</summary>
    public (byte[] Before, byte[] After) Parts(HttpRequest request)
    {
        // The mock serves plain http at the root, so the Host header alone tells the origins apart.
        var host = request.Host.Value ?? string.Empty;
        if (_byHost.TryGetValue(host, out var parts))
        {
            return parts;
        }

        parts = Build(string.Concat(request.Scheme, "://", host, request.PathBase.Value));
        if (_byHost.Count >= MaxCachedHosts)
        {
            _byHost.Clear(); // many mocks in one process share the model, each on its own port
        }

        _byHost.TryAdd(host, parts);

        return parts;
    }

    private (byte[] Before, byte[] After) Build(string origin)
    {
        const string Marker = "\u0001";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, EntityWriter.Options))
        {
            json.WriteStartObject();
            json.WriteString("Self", string.Concat(origin, model.ItemPrefix, Marker));
            json.WriteString("Archive", string.Concat(origin, model.CollectionPath));
            json.WriteEndObject();
        }

        var bytes = buffer.WrittenSpan;
        var marker = bytes.IndexOf("\\u0001"u8);
        return (bytes[..marker].ToArray(), bytes[(marker + "\\u0001".Length)..].ToArray());
    }

    /// <summary>How many digits <paramref name="id"/> takes in a link.</summary>
    public static int Digits(int id)
    {
        Span<byte> span = stackalloc byte[11];
        Utf8Formatter.TryFormat(id, span, out var written);
        return written;
    }
}
