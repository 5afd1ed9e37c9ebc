using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Patching;

/// <summary>Applies validated operations in place to a document the caller owns (already a private clone).</summary>
internal static class JsonPatchApplier
{
    private const int MaxShownLength = 200;
    // As deep as a body may nest (the parser allows 256 levels): the default of 64 made a deep `test` value a 500.
    private static readonly JsonSerializerOptions MessageJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 512 };

    public static JsonNode? Apply(PatchOperation[] operations, JsonNode? root) =>
        TryApply(operations, root, out var error) is var result && error is null ? result : throw error;

    /// <summary>
    /// Applies the operations, or returns at the first that fails with its error in <paramref name="error"/>, not
    /// thrown: a failing <c>test</c> is an expected answer (409), and throwing it costs more than the whole patch.
    /// </summary>
    public static JsonNode? TryApply(IReadOnlyList<PatchOperation> operations, JsonNode? root, out JsonPatchException? error)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            root = ApplyOne(root, operations[i], i, out error);
            if (error is not null)
            {
                return null;
            }
        }

        error = null;
        return root;
    }

    private static JsonNode? ApplyOne(JsonNode? root, PatchOperation operation, int index, out JsonPatchException? error)
    {
        error = null;
        var path = operation.Path;
        if (operation.Op == PatchOperationType.Test)
        {
            if (!path.TryEvaluate(root, out var actual))
            {
                error = NotFound(operation, index, Describe(root, path));
                return null;
            }

            if (!JsonEquality.DeepEquals(actual, operation.Value))
            {
                error = new JsonPatchException(
                    JsonPatchErrorKind.TestFailed,
                    $"expected {Show(operation.Value)} but found {Show(actual)}",
                    index,
                    operation.OpName,
                    path.ToString());
            }

            return root;
        }

        if (path.IsRoot)
        {
            return operation.Value?.DeepClone(); // add and replace at "" replace the whole document
        }

        var segments = path.Segments;
        var parent = root;
        for (var s = 0; s < segments.Count - 1; s++)
        {
            if (!JsonNodeNavigator.TryGetChild(parent, segments[s], out parent, out var missing))
            {
                error = NotFound(operation, index, $"the parent location does not exist: {missing}");
                return null;
            }
        }

        var token = segments[^1];
        var failure = parent switch
        {
            JsonObject obj => ApplyToObject(obj, token, operation),
            JsonArray array => ApplyToArray(array, token, operation),
            _ => $"cannot {operation.OpName} '{token}' inside {JsonNodeNavigator.DescribeKind(parent)}",
        };
        if (failure is not null)
        {
            error = NotFound(operation, index, failure);
        }

        return root;
    }

    private static string? ApplyToObject(JsonObject obj, string name, PatchOperation operation)
    {
        var member = JsonNodeNavigator.FindMember(obj, name);
        if (member < 0)
        {
            if (operation.Op != PatchOperationType.Add)
            {
                return $"member '{name}' does not exist";
            }

            obj.Add(name, operation.Value?.DeepClone());
        }
        else if (operation.Op == PatchOperationType.Remove)
        {
            obj.RemoveAt(member);
        }
        else
        {
            obj.SetAt(member, operation.Value?.DeepClone()); // keeps the existing member's name and position
        }

        return null;
    }

    private static string? ApplyToArray(JsonArray array, string token, PatchOperation operation)
    {
        if (operation.Op == PatchOperationType.Add)
        {
            if (token == "-")
            {
                array.Add(operation.Value?.DeepClone());
                return null;
            }

            if (!JsonNodeNavigator.TryParseArrayIndex(token, out var position))
            {
                return $"'{token}' is not a valid array index";
            }

            if (position > array.Count)
            {
                return $"index {token} is out of range for inserting into an array of {array.Count} elements";
            }

            array.Insert(position, operation.Value?.DeepClone());
            return null;
        }

        var error = JsonNodeNavigator.ResolveExistingIndex(array, token, out var index);
        if (error is not null)
        {
            return error;
        }

        if (operation.Op == PatchOperationType.Remove)
        {
            array.RemoveAt(index);
        }
        else
        {
            array[index] = operation.Value?.DeepClone();
        }

        return null;
    }

    private static string Describe(JsonNode? root, JsonPointer path)
    {
        var node = root;
        foreach (var segment in path.Segments)
        {
            if (!JsonNodeNavigator.TryGetChild(node, segment, out node, out var error))
            {
                return error!;
            }
        }

        return "the location does not exist";
    }

    private static JsonPatchException NotFound(PatchOperation operation, int index, string detail) =>
        new(JsonPatchErrorKind.PathNotFound, detail, index, operation.OpName, operation.Path.ToString());

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(MessageJson);
        return text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "...");
    }
}
