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

    public static StoredEntity Write(JsonObject entity, EntityModel model)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        int linksStart = -1, linksEnd = -1;
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                writer.WritePropertyName(name);
                if (model.HasLinks && string.Equals(name, EntityModel.LinksProperty, StringComparison.Ordinal))
                {
                    writer.Flush();
                    linksStart = buffer.WrittenCount;
                    writer.WriteNullValue(); // placeholder: the response writes the request's own links here
                    writer.Flush();
                    linksEnd = buffer.WrittenCount;
                }
                else if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return new StoredEntity(buffer.WrittenSpan.ToArray(), linksStart, linksEnd, LastUpdateOf(entity, model));
    }

    /// <summary>The entity's last-update stamp; an absent or unreadable one counts as "no date".</summary>
    public static DateTimeOffset LastUpdateOf(JsonObject entity, EntityModel model) =>
        entity.TryGetPropertyValue(model.LastUpdateField, out var stamp)
        && stamp is JsonValue v && v.TryGetValue<string>(out var text) && EntityStamp.TryParse(text, out var instant)
            ? instant
            : DateTimeOffset.MinValue;
}
