using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Patching;

/// <summary>
/// A parsed JSON Patch document (RFC 6902) supporting <c>add</c>, <c>remove</c>, <c>replace</c> and <c>test</c>.
/// Paths use the lenient <see cref="JsonPointer"/> rules (optional leading slash, case-insensitive member names);
/// op names are accepted case-insensitively (<c>"Replace"</c> is <c>replace</c>), as the SuperOffice .NET server
/// does, although RFC 6902 spells them in lower case. Members other than <c>op</c>, <c>path</c> and <c>value</c>
/// are ignored (RFC 6902 section 4); those three are matched exactly.
/// </summary>
internal sealed class JsonPatchDocument
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };
    private readonly PatchOperation[] _operations;

    /// <summary>Creates a patch document from operations.</summary>
    public JsonPatchDocument(IEnumerable<PatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        _operations = [.. operations];
        foreach (var operation in _operations)
        {
            ArgumentNullException.ThrowIfNull(operation, nameof(operations));
        }
    }

    private JsonPatchDocument(PatchOperation[] operations) => _operations = operations;

    /// <summary>The operations, in application order.</summary>
    public IReadOnlyList<PatchOperation> Operations => _operations;

    /// <summary>Parses a patch document from a request body already parsed as JSON.</summary>
    /// <param name="body">The body; must be a JSON array of operation objects.</param>
    /// <exception cref="JsonPatchException">
    /// <see cref="JsonPatchErrorKind.InvalidDocument"/> for a malformed document,
    /// <see cref="JsonPatchErrorKind.UnsupportedOperation"/> for <c>move</c> and <c>copy</c>.
    /// </exception>
    public static JsonPatchDocument Parse(JsonNode? body) => new(JsonPatchParser.Parse(body));

    /// <summary>Parses a patch document from a UTF-8 request body; duplicate member names are rejected.</summary>
    /// <exception cref="JsonPatchException">As <see cref="Parse(JsonNode?)"/>, and InvalidDocument for malformed JSON.</exception>
    public static JsonPatchDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (TryReadUsual(utf8Json, out var usual))
        {
            return usual;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(utf8Json, documentOptions: StrictJson);
        }
        catch (JsonException e)
        {
            throw new JsonPatchException(JsonPatchErrorKind.InvalidDocument, $"The body is not valid JSON: {e.Message}");
        }

        return Parse(body);
    }

    /// <summary>
    /// The document of a usual JSON Patch body, read from its bytes without a tree (<see cref="JsonPatchReader"/>);
    /// false for any other body, which <see cref="Parse(ReadOnlySpan{byte})"/> or <see cref="Parse(JsonNode?)"/> reads.
    /// </summary>
    public static bool TryReadUsual(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out JsonPatchDocument? document)
    {
        document = JsonPatchReader.TryRead(utf8Json, out var operations) ? new JsonPatchDocument(operations) : null;
        return document is not null;
    }

    /// <summary>
    /// Applies the operations in order to a deep clone of <paramref name="document"/>; each operation sees the
    /// effect of the earlier ones. Atomic: the input is never modified, and on failure nothing is returned.
    /// Only reads the input and the patch, so concurrent calls are safe while nobody modifies either.
    /// </summary>
    /// <param name="document">The document to patch (null is the JSON <c>null</c>).</param>
    /// <returns>The patched document (null when it became the JSON <c>null</c>).</returns>
    /// <exception cref="JsonPatchException">
    /// <see cref="JsonPatchErrorKind.PathNotFound"/> or <see cref="JsonPatchErrorKind.TestFailed"/>.
    /// </exception>
    public JsonNode? ApplyTo(JsonNode? document) => JsonPatchApplier.Apply(_operations, document?.DeepClone());

    /// <summary>The document as a JSON Patch array (values cloned).</summary>
    public JsonArray ToJsonArray()
    {
        var array = new JsonArray();
        foreach (var operation in _operations)
        {
            array.Add((JsonNode)operation.ToJsonObject()); // the JsonNode overload: Add<T> needs reflection (not trimming-safe)
        }

        return array;
    }

    /// <inheritdoc />
    public override string ToString() => ToJsonArray().ToJsonString();
}
