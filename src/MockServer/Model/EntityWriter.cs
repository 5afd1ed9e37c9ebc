using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Model;

/// <summary>Serializes an entity once, when it is stored, into a <see cref="StoredEntity"/>.</summary>
internal static class EntityWriter
{
    /// <summary>Relaxed escaping, as the real API writes (<c>+01:00</c> stays <c>+01:00</c>, not <c>\u002B01:00</c>).</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a whole entity.</summary>
    public static StoredEntity Write(JsonObject entity, EntityModel model)
    {
        var output = new Output(model, 8192);
        foreach (var (name, value) in entity)
        {
            output.Property(name, value);
        }

        return output.Finish(LastUpdateOf(entity, model));
    }

    /// <summary>
    /// Writes a new version of <paramref name="current"/>, stamped <paramref name="lastUpdate"/> (which the caller has put,
    /// as the value of the last-update property, in one of the changes), in which the <paramref name="changed"/> properties take
    /// their new values, the <paramref name="raw"/> ones their ready JSON bytes (a name in both takes the raw bytes), and every
    /// other property is copied from the stored bytes as it is. Properties the version lacks are added at the end, the
    /// changed ones first. See <see cref="Splice"/> for how the bytes are put together.
    /// </summary>
    public static StoredEntity Merge(
        StoredEntity current, IReadOnlyDictionary<string, JsonNode?> changed, ReadOnlySpan<MemberValue> raw, EntityModel model,
        DateTimeOffset lastUpdate)
    {
        var properties = current.Properties;
        var edits = new Edit[changed.Count + raw.Length];
        var count = 0;
        var index = changed.Count + raw.Length > LinearLookupLimit ? IndexByName(properties) : null;
        var fragments = changed.Count == 0 ? null : new ArrayBufferWriter<byte>(256);
        if (fragments is not null)
        {
            using var writer = new Utf8JsonWriter(fragments, Options);
            foreach (var (name, value) in changed)
            {
                if (Contains(raw, name))
                {
                    continue;
                }

                var start = fragments.WrittenCount;
                writer.Reset(); // one value at a time into the same buffer
                if (value is null || (model.HasLinks && name == EntityModel.LinksProperty))
                {
                    writer.WriteNullValue(); // for _Links a placeholder: the response writes the request's own links here
                }
                else
                {
                    value.WriteTo(writer);
                }

                writer.Flush();
                edits[count++] = new Edit(IndexOf(properties, index, name), name, null, start, fragments.WrittenCount);
            }
        }

        var fragmentBytes = fragments?.WrittenSpan.ToArray(); // the buffer may have moved while it grew: resolve the ranges now
        for (var i = 0; i < count; i++)
        {
            edits[i] = edits[i] with { Source = fragmentBytes };
        }

        foreach (var member in raw)
        {
            edits[count++] = new Edit(IndexOf(properties, index, member.Name), member.Name, member.Utf8, 0, member.Utf8.Length);
        }

        return Splice(current, edits.AsSpan(0, count), model, lastUpdate);
    }

    /// <summary>
    /// A new version with the same members in the same order, each keeping its stored name bytes and taking as its
    /// value the bytes <paramref name="replacement"/> gives for it (null: the stored value; <c>_Links</c> always keeps
    /// its placeholder). For changes that touch many members with ready-made bytes ($select): no lookups by name.
    /// </summary>
    public static StoredEntity Rewrite(StoredEntity current, Func<PropertySpan, byte[]?> replacement, EntityModel model, DateTimeOffset lastUpdate)
    {
        var properties = current.Properties;
        var edits = new Edit[properties.Count];
        var count = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if ((!model.HasLinks || property.Name != EntityModel.LinksProperty) && replacement(property) is { } value)
            {
                edits[count++] = new Edit(i, property.Name, value, 0, value.Length);
            }
        }

        return Splice(current, edits.AsSpan(0, count), model, lastUpdate);
    }

    /// <summary>A value as JSON bytes, written as the entities are (null as <c>null</c>), in a fresh array.</summary>
    public static byte[] ValueBytes(JsonNode? value)
    {
        if (value is null)
        {
            return "null"u8.ToArray();
        }

        // One writer and buffer per thread, reset for each value; a buffer grown past KeptBufferBytes is let go.
        var buffer = t_valueBuffer ??= new ArrayBufferWriter<byte>(256);
        var writer = t_valueWriter ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        value.WriteTo(writer);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > KeptBufferBytes)
        {
            (t_valueBuffer, t_valueWriter) = (null, null);
        }

        return bytes;
    }

    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_valueBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_valueWriter;

    /// <summary>Up to this many changes find their property by a scan of the stored names; more build an index first.</summary>
    private const int LinearLookupLimit = 8;

    /// <summary>
    /// The new version from the stored bytes and <paramref name="edits"/> (at most one per property), in one array of
    /// its exact length. The stored bytes are the compact output of this writer (<c>{"A":1,"B":2}</c>), so everything
    /// between two changed values (the rest of a member, the commas, whole unchanged members and the next name) is
    /// one run of bytes: the version is a handful of copies, however many members it has, and each unchanged
    /// member's value range moves by the length the changes before it added or took away.
    /// </summary>
    private static StoredEntity Splice(StoredEntity current, Span<Edit> edits, EntityModel model, DateTimeOffset stamp)
    {
        var source = current.Utf8;
        var properties = current.Properties;
        edits.Sort(static (a, b) => a.Index == b.Index ? 0 : a.Index < 0 ? 1 : b.Index < 0 ? -1 : a.Index.CompareTo(b.Index));
        var replaced = 0;
        while (replaced < edits.Length && edits[replaced].Index >= 0)
        {
            replaced++;
        }

        var appended = edits[replaced..];
        var stored = properties.Count;
        var nameParts = new byte[appended.Length][];
        var length = source.Length;
        foreach (var edit in edits[..replaced])
        {
            length += edit.Length - (properties.EndOf(edit.Index) - properties.StartOf(edit.Index));
        }

        for (var i = 0; i < appended.Length; i++)
        {
            nameParts[i] = NamePart(appended[i].Name);
            length += (stored + i > 0 ? 1 : 0) + nameParts[i].Length + appended[i].Length;
        }

        var utf8 = GC.AllocateUninitializedArray<byte>(length);
        var bounds = GC.AllocateUninitializedArray<int>(2 * (stored + appended.Length));
        int at = 0, copied = 0, shift = 0, next = 0;
        for (var i = 0; i < stored; i++)
        {
            int start = properties.StartOf(i), end = properties.EndOf(i);
            if (next < replaced && edits[next].Index == i)
            {
                // the run up to this value (from the end of the last changed one), then the new value
                source.AsSpan(copied, start - copied).CopyTo(utf8.AsSpan(at));
                at += start - copied;
                bounds[2 * i] = at;
                edits[next].Value.CopyTo(utf8.AsSpan(at));
                at += edits[next++].Length;
                bounds[(2 * i) + 1] = at;
                copied = end;
                shift = at - copied;
            }
            else
            {
                bounds[2 * i] = start + shift;
                bounds[(2 * i) + 1] = end + shift;
            }
        }

        // the rest of the stored members (all but the closing brace), then the added ones
        source.AsSpan(copied, source.Length - 1 - copied).CopyTo(utf8.AsSpan(at));
        at += source.Length - 1 - copied;
        var names = properties.SharedNames; // the same names in the same order, unless members are added
        if (appended.Length > 0)
        {
            names = new string[stored + appended.Length];
            properties.SharedNames.CopyTo(names, 0);
        }

        for (var i = 0; i < appended.Length; i++)
        {
            if (stored + i > 0)
            {
                utf8[at++] = (byte)',';
            }

            nameParts[i].CopyTo(utf8.AsSpan(at));
            at += nameParts[i].Length;
            appended[i].Value.CopyTo(utf8.AsSpan(at));
            names[stored + i] = appended[i].Name;
            bounds[2 * (stored + i)] = at;
            at += appended[i].Length;
            bounds[(2 * (stored + i)) + 1] = at;
        }

        utf8[at++] = (byte)'}';
        Debug.Assert(at == length, "the spliced length is exact");
        var spans = new PropertySpans(names, bounds);
        int linksStart = -1, linksEnd = -1;
        if (model.HasLinks && spans.IndexOf(EntityModel.LinksProperty) is var links and >= 0)
        {
            (linksStart, linksEnd) = (spans.StartOf(links), spans.EndOf(links));
        }

        return new StoredEntity(utf8, linksStart, linksEnd, stamp, spans);
    }

    /// <summary><c>"Name":</c> as the writer writes a member's name.</summary>
    private static byte[] NamePart(string name)
    {
        var encoded = JsonEncodedText.Encode(name, Options.Encoder).EncodedUtf8Bytes;
        var part = new byte[encoded.Length + 3];
        part[0] = (byte)'"';
        encoded.CopyTo(part.AsSpan(1));
        part[^2] = (byte)'"';
        part[^1] = (byte)':';
        return part;
    }

    private static Dictionary<string, int> IndexByName(PropertySpans properties)
    {
        var index = new Dictionary<string, int>(properties.Count, StringComparer.Ordinal);
        var names = properties.SharedNames;
        for (var i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        return index;
    }

    /// <summary>The position of <paramref name="name"/> among the stored properties, or -1.</summary>
    private static int IndexOf(PropertySpans properties, Dictionary<string, int>? index, string name) =>
        index is null ? properties.IndexOf(name) : index.TryGetValue(name, out var found) ? found : -1;

    private static bool Contains(ReadOnlySpan<MemberValue> members, string name)
    {
        foreach (var member in members)
        {
            if (member.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One property a new version sets: its position among the stored ones (-1: added at the end), its name, and its
    /// value bytes (<see cref="Source"/>[<see cref="Start"/>..<see cref="End"/>]).
    /// </summary>
    private readonly record struct Edit(int Index, string Name, byte[]? Source, int Start, int End)
    {
        public int Length => End - Start;

        public ReadOnlySpan<byte> Value => Source.AsSpan(Start, End - Start);
    }

    /// <summary>The entity's last-update stamp; an absent or unreadable one counts as "no date".</summary>
    public static DateTimeOffset LastUpdateOf(JsonObject entity, EntityModel model) =>
        entity.TryGetPropertyValue(model.LastUpdateField, out var stamp)
        && stamp is JsonValue v && v.TryGetValue<string>(out var text) && EntityStamp.TryParse(text, out var instant)
            ? instant
            : DateTimeOffset.MinValue;

    /// <summary>One entity being written: the bytes, where each value sits, and the <c>_Links</c> placeholder.</summary>
    private sealed class Output
    {
        private readonly EntityModel _model;
        private readonly ArrayBufferWriter<byte> _buffer;
        private readonly Utf8JsonWriter _writer;
        private readonly List<PropertySpan> _properties = [];
        private int _linksStart = -1, _linksEnd = -1;

        public Output(EntityModel model, int capacity)
        {
            _model = model;
            _buffer = new ArrayBufferWriter<byte>(capacity);
            _writer = new Utf8JsonWriter(_buffer, Options);
            _writer.WriteStartObject();
        }

        public void Property(string name, JsonNode? value)
        {
            var start = Name(name);
            if (_model.HasLinks && name == EntityModel.LinksProperty)
            {
                _writer.WriteNullValue(); // placeholder: the response writes the request's own links here
                (_linksStart, _linksEnd) = (start, End(name, start));
                return;
            }

            if (value is null)
            {
                _writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(_writer);
            }

            End(name, start);
        }

        public StoredEntity Finish(DateTimeOffset lastUpdate)
        {
            _writer.WriteEndObject();
            _writer.Flush();
            _writer.Dispose();
            return new StoredEntity(_buffer.WrittenSpan.ToArray(), _linksStart, _linksEnd, lastUpdate, PropertySpans.From(_properties));
        }

        private int Name(string name)
        {
            _writer.WritePropertyName(name);
            _writer.Flush();
            return _buffer.WrittenCount;
        }

        private int End(string name, int start)
        {
            _writer.Flush();
            _properties.Add(new PropertySpan(name, start, _buffer.WrittenCount));
            return _buffer.WrittenCount;
        }
    }
}
