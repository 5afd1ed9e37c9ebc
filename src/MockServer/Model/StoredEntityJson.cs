using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Model;

/// <summary>Parses entity JSON (fixtures, persisted versions) the way stored bytes are parsed.</summary>
internal static class StoredEntityJson
{
    /// <summary>
    /// How deep JSON may nest: in an accepted update, and so in every stored version read back (a lower limit on
    /// reading would refuse what was accepted).
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    public static JsonObject Parse(ReadOnlySpan<byte> utf8) =>
        JsonNode.Parse(utf8, documentOptions: Options) as JsonObject
        ?? throw new InvalidDataException("An entity must be a JSON object.");

    /// <summary>Checks that <paramref name="utf8"/> is one JSON object within <see cref="MaxDepth"/>, without building it.</summary>
    /// <exception cref="JsonException">It is not valid JSON, or nests too deep.</exception>
    /// <exception cref="InvalidDataException">It is valid JSON but not an object.</exception>
    public static void Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException("An entity must be a JSON object.");
        }

        reader.Skip();
        if (reader.Read())
        {
            throw new InvalidDataException("An entity must be one JSON object, with nothing after it.");
        }
    }

    public static JsonNode? ParseValue(ReadOnlySpan<byte> utf8) => JsonNode.Parse(utf8, documentOptions: Options);
}
