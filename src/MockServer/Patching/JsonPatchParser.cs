using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Patching;

/// <summary>Turns a JSON Patch body into validated operations (see <see cref="JsonPatchDocument"/> for the rules).</summary>
internal static class JsonPatchParser
{
    public static PatchOperation[] Parse(JsonNode? body)
    {
        if (body is not JsonArray array)
        {
            throw new JsonPatchException(
                JsonPatchErrorKind.InvalidDocument,
                $"A JSON Patch document must be a JSON array of operations, but the body is {JsonNodeNavigator.DescribeKind(body)}.");
        }

        var operations = new PatchOperation[array.Count];
        for (var i = 0; i < operations.Length; i++)
        {
            operations[i] = ParseOperation(array[i], i);
        }

        return operations;
    }

    /// <summary>One operation of a document, the <paramref name="index"/>th (for the message).</summary>
    /// <exception cref="JsonPatchException">The operation is malformed, or <c>move</c>/<c>copy</c>.</exception>
    internal static PatchOperation ParseOperation(JsonNode? element, int index)
    {
        if (element is not JsonObject obj)
        {
            throw Invalid(index, null, null, $"an operation must be a JSON object, but found {JsonNodeNavigator.DescribeKind(element)}");
        }

        JsonNode? opNode, pathNode, value;
        bool hasOp, hasPath, hasValue;
        try
        {
            hasOp = obj.TryGetPropertyValue("op", out opNode);
            hasPath = obj.TryGetPropertyValue("path", out pathNode);
            hasValue = obj.TryGetPropertyValue("value", out value);
        }
        catch (ArgumentException)
        {
            // A JsonObject built from JSON with a repeated member name throws when first read.
            throw Invalid(index, null, null, "the operation has a member name that occurs more than once");
        }

        var opText = hasOp ? AsString(opNode) : null;
        var pathText = hasPath ? AsString(pathNode) : null;
        if (opText is null)
        {
            throw Invalid(index, null, pathText, hasOp ? "'op' must be a string" : "the 'op' member is missing");
        }

        if (IsOp(opText, "move") || IsOp(opText, "copy"))
        {
            throw new JsonPatchException(
                JsonPatchErrorKind.UnsupportedOperation,
                $"the '{opText.ToLowerInvariant()}' operation is not supported; use add, remove, replace or test",
                index,
                opText.ToLowerInvariant(),
                pathText is not null && JsonPointer.TryParse(pathText, out var p) ? p.ToString() : pathText);
        }

        if (!TryParseOp(opText, out var op))
        {
            throw Invalid(index, opText, pathText, $"unknown operation '{opText}'");
        }

        var opName = PatchOperation.NameOf(op);
        if (pathText is null)
        {
            throw Invalid(index, opName, null, hasPath ? "'path' must be a string" : "the 'path' member is missing");
        }

        if (!JsonPointer.TryParse(pathText, out var path))
        {
            throw Invalid(index, opName, pathText, "the path is not a valid JSON Pointer ('~' must be followed by '0' or '1')");
        }

        if (op == PatchOperationType.Remove)
        {
            return path.IsRoot
                ? throw Invalid(index, opName, path.ToString(), "'remove' cannot target the whole document")
                : PatchOperation.Remove(path);
        }

        if (!hasValue)
        {
            throw Invalid(index, opName, path.ToString(), $"the 'value' member is missing ('{opName}' requires it)");
        }

        return new PatchOperation(op, path, value, true);
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsOp(string text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);

    private static bool TryParseOp(string text, out PatchOperationType op)
    {
        op = text.Length switch
        {
            3 when IsOp(text, "add") => PatchOperationType.Add,
            4 when IsOp(text, "test") => PatchOperationType.Test,
            6 when IsOp(text, "remove") => PatchOperationType.Remove,
            7 when IsOp(text, "replace") => PatchOperationType.Replace,
            _ => (PatchOperationType)(-1),
        };
        return op >= PatchOperationType.Add;
    }

    private static JsonPatchException Invalid(int index, string? op, string? path, string detail) =>
        new(JsonPatchErrorKind.InvalidDocument, detail, index, op, path);
}
