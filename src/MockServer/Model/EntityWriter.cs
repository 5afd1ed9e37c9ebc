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
    /// their new values (<paramref name="rawChanged"/> ones as ready JSON bytes) and every other property is copied
    /// from the stored bytes as it is, name and separator included (the stored bytes are the compact output of
    /// this writer, so <c>,"Name":value</c> is a run of bytes to copy). Only the changed properties go through a
    /// <see cref="Utf8JsonWriter"/>; the new version is assembled once, in an array of its exact length.
    /// </summary>
    public static StoredEntity Merge(
        StoredEntity current, IReadOnlyDictionary<string, JsonNode?> changed, IReadOnlyDictionary<string, byte[]> rawChanged, EntityModel model,
        DateTimeOffset lastUpdate)
    {
        var source = current.Utf8;
        var properties = current.Properties;
        var fragments = new Fragments(model);
        var members = new Member[properties.Count + changed.Count + rawChanged.Count];
        var count = 0;
        var previousEnd = 0; // the stored bytes: '{' then the members, ',' between them
        foreach (var property in properties)
        {
            var nameStart = previousEnd + 1;
            Debug.Assert(source[nameStart - 1] is (byte)'{' or (byte)',', "stored entity bytes are compact");
            previousEnd = property.End;
            if (rawChanged.TryGetValue(property.Name, out var raw))
            {
                // The stored bytes already hold the name as written ("Name":): copy them, no writer needed.
                members[count++] = fragments.Raw(property.Name, source.AsSpan(nameStart, property.Start - nameStart), raw);
            }
            else if (changed.TryGetValue(property.Name, out var value))
            {
                members[count++] = fragments.Node(property.Name, value);
            }
            else
            {
                members[count++] = new Member(property.Name, false, nameStart, property.Start, property.End);
            }
        }

        foreach (var (name, value) in changed)
        {
            if (!rawChanged.ContainsKey(name) && !Contains(properties, name))
            {
                members[count++] = fragments.Node(name, value);
            }
        }

        foreach (var (name, raw) in rawChanged)
        {
            if (!Contains(properties, name))
            {
                members[count++] = fragments.Raw(name, raw);
            }
        }

        return Assemble(source, fragments.Written, members.AsSpan(0, count), model, lastUpdate);
    }

    /// <summary>
    /// A new version with the same members in the same order, each keeping its stored name bytes and taking as its
    /// value the bytes <paramref name="replacement"/> gives for it (null: the stored value; <c>_Links</c> always keeps
    /// its placeholder). For changes that touch many members with ready-made bytes ($select): no dictionary lookups
    /// per member, and the new version is assembled once, as <see cref="Merge"/> assembles it.
    /// </summary>
    public static StoredEntity Rewrite(StoredEntity current, Func<PropertySpan, byte[]?> replacement, EntityModel model, DateTimeOffset lastUpdate)
    {
        var source = current.Utf8;
        var properties = current.Properties;
        var fragments = new Fragments(model);
        var members = new Member[properties.Count];
        var previousEnd = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var nameStart = previousEnd + 1;
            previousEnd = property.End;
            var value = model.HasLinks && property.Name == EntityModel.LinksProperty ? null : replacement(property);
            members[i] = value is null
                ? new Member(property.Name, false, nameStart, property.Start, property.End)
                : fragments.Raw(property.Name, source.AsSpan(nameStart, property.Start - nameStart), value);
        }

        return Assemble(source, fragments.Written, members, model, lastUpdate);
    }

    /// <summary>A value as JSON bytes, written as the entities are (null as <c>null</c>).</summary>
    public static byte[] ValueBytes(JsonNode? value)
    {
        if (value is null)
        {
            return "null"u8.ToArray();
        }

        var buffer = new ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            value.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static StoredEntity Assemble(byte[] source, ReadOnlySpan<byte> fragments, ReadOnlySpan<Member> members, EntityModel model, DateTimeOffset stamp)
    {
        var length = 2 + Math.Max(members.Length - 1, 0); // braces and commas
        foreach (var member in members)
        {
            length += member.End - member.NameStart;
        }

        var utf8 = GC.AllocateUninitializedArray<byte>(length);
        var spans = new PropertySpan[members.Length];
        int linksStart = -1, linksEnd = -1;
        utf8[0] = (byte)'{';
        var at = 1;
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            if (i > 0)
            {
                utf8[at++] = (byte)',';
            }

            var from = member.Fragment ? fragments : source;
            from[member.NameStart..member.End].CopyTo(utf8.AsSpan(at));
            var shift = at - member.NameStart;
            spans[i] = new PropertySpan(member.Name, member.ValueStart + shift, member.End + shift);
            if (model.HasLinks && member.Name == EntityModel.LinksProperty)
            {
                (linksStart, linksEnd) = (spans[i].Start, spans[i].End);
            }

            at += member.End - member.NameStart;
        }

        utf8[at] = (byte)'}';
        Debug.Assert(at + 1 == length, "the assembled length is exact");
        return new StoredEntity(utf8, linksStart, linksEnd, stamp, spans);
    }

    private static bool Contains(IReadOnlyList<PropertySpan> properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One member of a version being merged: a byte range of the stored version or of the fragments.</summary>
    private readonly record struct Member(string Name, bool Fragment, int NameStart, int ValueStart, int End);

    /// <summary>The changed members, each written as <c>"Name":value</c> (as <see cref="Output"/> would write it) into one buffer.</summary>
    private sealed class Fragments(EntityModel model)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);
        private Utf8JsonWriter? _writer;

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

        public Member Node(string name, JsonNode? value)
        {
            var (writer, nameStart, valueStart) = Begin(name);
            if (value is null || (model.HasLinks && name == EntityModel.LinksProperty))
            {
                writer.WriteNullValue(); // for _Links a placeholder: the response writes the request's own links here
            }
            else
            {
                value.WriteTo(writer);
            }

            writer.Flush();
            return new Member(name, true, nameStart, valueStart, _buffer.WrittenCount);
        }

        /// <summary>A member from the bytes of its name part (<c>"Name":</c>, as written before) and of its value.</summary>
        public Member Raw(string name, ReadOnlySpan<byte> namePart, ReadOnlySpan<byte> value)
        {
            var nameStart = _buffer.WrittenCount;
            _buffer.Write(namePart);
            var valueStart = _buffer.WrittenCount;
            _buffer.Write(value);
            return new Member(name, true, nameStart, valueStart, _buffer.WrittenCount);
        }

        public Member Raw(string name, ReadOnlySpan<byte> value)
        {
            var (writer, nameStart, valueStart) = Begin(name);
            writer.WriteRawValue(value, skipInputValidation: true);
            writer.Flush();
            return new Member(name, true, nameStart, valueStart, _buffer.WrittenCount);
        }

        /// <summary>A writer in a fresh object, with the name written: the member starts after the object's '{'.</summary>
        private (Utf8JsonWriter Writer, int NameStart, int ValueStart) Begin(string name)
        {
            var writer = _writer ??= new Utf8JsonWriter(_buffer, Options);
            writer.Reset(); // the bytes written so far stay in the buffer
            writer.WriteStartObject();
            writer.Flush();
            var nameStart = _buffer.WrittenCount;
            writer.WritePropertyName(name);
            writer.Flush();
            return (writer, nameStart, _buffer.WrittenCount);
        }
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
            return new StoredEntity(_buffer.WrittenSpan.ToArray(), _linksStart, _linksEnd, lastUpdate, _properties);
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
