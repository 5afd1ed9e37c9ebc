using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Patching.Conformance;

/// <summary>
/// One vector of the json-patch-tests suite, kept as raw JSON text: the suite has a disabled vector with a repeated
/// member name that <see cref="JsonNode"/> refuses, so only vectors that run are turned into nodes.
/// </summary>
internal sealed record ConformanceVector(
    string File,
    int Index,
    string? Comment,
    string? Error,
    bool Disabled,
    string DocJson,
    string PatchJson,
    string? ExpectedJson)
{
    /// <summary>Table key: file name and zero-based position, e.g. <c>tests.json#48</c>.</summary>
    public string Key => $"{File}#{Index}";

    /// <summary>What identifies the vector to a reader: its comment, else its compact patch text.</summary>
    public string Describes => Comment ?? Compact(PatchJson);

    /// <summary>Reads one element of a vector file.</summary>
    public static ConformanceVector From(string file, int index, JsonElement element)
    {
        return new ConformanceVector(
            file,
            index,
            StringMember(element, "comment"),
            StringMember(element, "error"),
            element.TryGetProperty("disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True,
            element.GetProperty("doc").GetRawText(),
            element.GetProperty("patch").GetRawText(),
            element.TryGetProperty("expected", out var expected) ? expected.GetRawText() : null);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Describes}";

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Compact(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString() ?? "null";
        }
        catch (ArgumentException)
        {
            return json; // repeated member names: show as written
        }
    }
}
