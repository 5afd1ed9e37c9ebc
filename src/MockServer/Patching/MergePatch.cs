using System.Text.Json.Nodes;
using System.Text.Json;

namespace ContractHarness.MockServer.Patching;

/// <summary>JSON Merge Patch (RFC 7396), applied directly or converted into an equivalent JSON Patch.</summary>
internal static class MergePatch
{
    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="target"/> exactly as RFC 7396 section 2 defines it
    /// (member names are matched exactly). Neither input is modified; the result shares no nodes with them.
    /// </summary>
    /// <param name="target">The document to patch (null is the JSON <c>null</c>).</param>
    /// <param name="patch">The merge patch (null is the JSON <c>null</c>).</param>
    /// <returns>The patched document (null is the JSON <c>null</c>).</returns>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : [];
        Merge(result, patchObject);
        return result;
    }

    /// <summary>
    /// Converts a merge patch object into JSON Patch operations against <paramref name="target"/>, with the
    /// lenient (case-insensitive) member lookup of <see cref="JsonPointer"/>: a null member becomes
    /// <c>remove</c> when the member exists (and nothing otherwise); an object member whose target member is an
    /// object recurses, so nested objects merge; anything else (scalars, arrays, objects over non-objects)
    /// becomes <c>replace</c> when the member exists, else <c>add</c>. Nested nulls inside a value that is added
    /// or replaced as a whole are dropped, as RFC 7396 does. When the target is not an object the result is one
    /// <c>replace</c> of the whole document. For targets whose member names match the patch's exactly,
    /// applying the result equals <see cref="Apply"/>.
    /// </summary>
    public static JsonPatchDocument ToJsonPatch(JsonObject mergePatch, JsonNode target)
    {
        ArgumentNullException.ThrowIfNull(mergePatch);
        ArgumentNullException.ThrowIfNull(target);
        var operations = new List<PatchOperation>();
        if (target is JsonObject targetObject)
        {
            Convert(mergePatch, targetObject, JsonPointer.Root, operations);
        }
        else
        {
            operations.Add(PatchOperation.Replace(JsonPointer.Root, Apply(null, mergePatch)));
        }

        return new JsonPatchDocument(operations);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        var count = patch.Count;
        for (var i = 0; i < count; i++)
        {
            var (name, value) = patch.GetAt(i);
            if (IsNull(value))
            {
                target.Remove(name);
            }
            else if (value is JsonObject nested)
            {
                if (target[name] is not JsonObject existing)
                {
                    existing = [];
                    target[name] = existing;
                }

                Merge(existing, nested);
            }
            else
            {
                target[name] = value!.DeepClone();
            }
        }
    }

    private static void Convert(JsonObject patch, JsonObject target, JsonPointer basePath, List<PatchOperation> operations)
    {
        var count = patch.Count;
        for (var i = 0; i < count; i++)
        {
            var (name, value) = patch.GetAt(i);
            var member = JsonNodeNavigator.FindMember(target, name);
            var existing = member >= 0 ? target.GetAt(member) : default;
            var path = basePath.Append(member >= 0 ? existing.Key : name);
            if (IsNull(value))
            {
                if (member >= 0)
                {
                    operations.Add(PatchOperation.Remove(path));
                }
            }
            else if (value is JsonObject nested && existing.Value is JsonObject nestedTarget)
            {
                Convert(nested, nestedTarget, path, operations);
            }
            else
            {
                var replacement = value is JsonObject ? Apply(null, value) : value;
                operations.Add(member >= 0 ? PatchOperation.Replace(path, replacement) : PatchOperation.Add(path, replacement));
            }
        }
    }

    private static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;
}
