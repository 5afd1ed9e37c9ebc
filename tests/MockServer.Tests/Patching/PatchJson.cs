using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Tests.Patching;

/// <summary>Small helpers for writing patch tests with JSON literals.</summary>
internal static class PatchJson
{
    /// <summary>Parses JSON text (single quotes are allowed for readability and become double quotes).</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json.Replace('\'', '"'));

    /// <summary>Parses a patch document from JSON text (single quotes allowed).</summary>
    public static JsonPatchDocument Patch(string json) => JsonPatchDocument.Parse(Parse(json));

    /// <summary>Applies a patch given as text to a document given as text.</summary>
    public static JsonNode? Apply(string document, string patch) => Patch(patch).ApplyTo(Parse(document));

    /// <summary>Asserts JSON equality (by <see cref="JsonEquality"/>), showing both documents on failure.</summary>
    public static void ShouldEqualJson(this JsonNode? actual, string expectedJson)
    {
        var expected = Parse(expectedJson);
        JsonEquality.DeepEquals(actual, expected).Should().BeTrue(
            "expected {0} but got {1}", expected?.ToJsonString() ?? "null", actual?.ToJsonString() ?? "null");
    }

    /// <summary>Runs <paramref name="action"/> and returns the <see cref="JsonPatchException"/> it must throw.</summary>
    public static JsonPatchException Throws(Action action) =>
        FluentActions.Invoking(action).Should().Throw<JsonPatchException>().Which;
}
