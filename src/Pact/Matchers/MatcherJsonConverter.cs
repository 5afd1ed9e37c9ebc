using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractHarness.Pact.Matchers;

/// <summary>Writes a <see cref="Matcher"/> as integration JSON; the example is serialised with the caller's options.</summary>
internal sealed class MatcherJsonConverter : JsonConverter<Matcher>
{
    internal const string MatcherTypeKey = "pact:matcher:type";

    public override Matcher Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Matchers are written to the engine, never read back.");

    public override void Write(Utf8JsonWriter writer, Matcher value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Type is not null)
        {
            writer.WriteString(MatcherTypeKey, value.Type);
        }

        foreach (var (name, attribute) in value.Attributes)
        {
            writer.WritePropertyName(name);
            if (attribute is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                attribute.WriteTo(writer, options);
            }
        }

        writer.WritePropertyName("value");
        JsonSerializer.Serialize(writer, value.Example, options);
        writer.WriteEndObject();
    }
}
