using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Preconditions;

namespace ContractHarness.MockServer.Store;

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
    /// Writes a new version of <paramref name="current"/> in which the <paramref name="changed"/> properties take
    /// their new values (<paramref name="rawChanged"/> ones as ready JSON bytes) and every other property is copied
    /// from the stored bytes as it is.
    /// </summary>
    public static StoredEntity Merge(
        StoredEntity current, IReadOnlyDictionary<string, JsonNode?> changed, IReadOnlyDictionary<string, byte[]> rawChanged, EntityModel model,
        DateTimeOffset? lastUpdate = null)
    {
        var output = new Output(model, current.Utf8.Length + 256);
        foreach (var property in current.Properties)
        {
            if (rawChanged.TryGetValue(property.Name, out var raw))
            {
                output.RawProperty(property.Name, raw);
            }
            else if (changed.TryGetValue(property.Name, out var value))
            {
                output.Property(property.Name, value);
            }
            else
            {
                output.RawProperty(property.Name, current.ValueBytes(property));
            }
        }

        foreach (var (name, value) in changed)
        {
            if (!rawChanged.ContainsKey(name) && !current.Properties.Any(p => p.Name == name))
            {
                output.Property(name, value);
            }
        }

        foreach (var (name, raw) in rawChanged)
        {
            if (!current.Properties.Any(p => p.Name == name))
            {
                output.RawProperty(name, raw);
            }
        }

        var stamp = lastUpdate ?? (changed.TryGetValue(model.LastUpdateField, out var s) && s is JsonValue v && v.TryGetValue<string>(out var text)
            && EntityStamp.TryParse(text, out var instant) ? instant : current.LastUpdate);
        return output.Finish(stamp);
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

        public void RawProperty(string name, ReadOnlySpan<byte> value)
        {
            var start = Name(name);
            _writer.WriteRawValue(value, skipInputValidation: true);
            var end = End(name, start);
            if (_model.HasLinks && name == EntityModel.LinksProperty)
            {
                (_linksStart, _linksEnd) = (start, end);
            }
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
