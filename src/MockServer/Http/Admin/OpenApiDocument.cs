using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using ContractHarness.Contracts.Catalog;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// <c>contracts/openapi.json</c> of the contract set the mock runs on, with <c>servers</c> naming this mock as the
/// client reached it (scheme, Host and path base), so a "try it" in the docs page calls the mock that served the page,
/// whatever port it was started on. The document's paths carry the API's base path (<c>/api/v1/...</c>), so the
/// server URL is the mock's root. Written with <see cref="Utf8JsonWriter"/> over the parsed file (no reflection, AOT-safe);
/// the result is kept per base address (a client uses one, so a handful at most are kept).
/// </summary>
internal sealed class OpenApiDocument(ContractFiles files, string file)
{
    private const int MaxCachedAddresses = 16;

    private readonly Lazy<byte[]?> _source = new(() => files.Exists(file) ? files.ReadAllBytes(file) : null);
    private readonly ConcurrentDictionary<string, byte[]> _byAddress = new(StringComparer.Ordinal);

    /// <summary>The file served, for the message when it is missing.</summary>
    public string SourceFile => file;

    /// <summary>The document for a client that reached the mock at <paramref name="baseAddress"/>, or null when the contract set has none.</summary>
    public byte[]? For(string baseAddress)
    {
        if (_byAddress.TryGetValue(baseAddress, out var cached))
        {
            return cached;
        }

        if (_source.Value is not { } source)
        {
            return null;
        }

        var written = WithServer(source, baseAddress);
        if (_byAddress.Count >= MaxCachedAddresses)
        {
            _byAddress.Clear(); // --allowed-hosts * lets any Host in: keep the cache bounded
        }

        _byAddress.TryAdd(baseAddress, written);
        return written;
    }

    /// <summary>The document with its <c>servers</c> replaced by the one <paramref name="url"/> (added after <c>info</c> when it had none).</summary>
    public static byte[] WithServer(byte[] source, string url)
    {
        using var document = JsonDocument.Parse(source);
        var buffer = new ArrayBufferWriter<byte>(source.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = EntityWriter.Options.Encoder }))
        {
            var wroteServers = false;
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("servers"))
                {
                    WriteServers(writer, url);
                    wroteServers = true;
                    continue;
                }

                property.WriteTo(writer);
                if (property.NameEquals("info") && !document.RootElement.TryGetProperty("servers", out _))
                {
                    WriteServers(writer, url);
                    wroteServers = true;
                }
            }

            if (!wroteServers)
            {
                WriteServers(writer, url);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteServers(Utf8JsonWriter writer, string url)
    {
        writer.WriteStartArray("servers");
        writer.WriteStartObject();
        writer.WriteString("url", url);
        writer.WriteString("description", "This ContractHarness mock (the address this document was served from)");
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
