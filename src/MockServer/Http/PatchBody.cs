using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The body of a PATCH, told apart by its shape: an array is JSON Patch, an object is JSON Merge Patch, whatever the
/// JSON media type, except that <c>application/merge-patch+json</c> must carry an object and
/// <c>application/json-patch+json</c> an array; an empty body, a scalar or <c>null</c> is a 400. A refusal is
/// returned, not thrown.
/// </summary>
internal static class PatchBody
{
    /// <summary>
    /// Reads <paramref name="body"/> as the patch of a <paramref name="model"/> entity: the JSON Patch document in
    /// <paramref name="patch"/> or the merge patch in <paramref name="merge"/>, or the 400 that refuses the body.
    /// </summary>
    public static MockHttpException? Read(byte[] body, string? contentType, EntityModel model, out JsonPatchDocument? patch, out JsonObject? merge)
    {
        (patch, merge) = (null, null);
        if (body.Length == 0)
        {
            return MockErrors.BadRequest("The request body is empty: send a JSON Patch array or a JSON Merge Patch object.", "Missing Patch");
        }

        var mergePatchType = RequestBody.IsMergePatch(contentType);
        if (!mergePatchType && JsonPatchDocument.TryReadUsual(body, out patch))
        {
            return null; // the usual JSON Patch, read without a tree of the body
        }

        var node = RequestBody.ParseJson(body, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        switch (node)
        {
            case JsonArray when !mergePatchType:
                patch = PatchErrors.Parse(node, model, out refused);
                return refused;
            case JsonObject obj when !RequestBody.IsJsonPatch(contentType):
                merge = obj;
                return null;
            default:
                return MockErrors.BadRequest(
                    $"The body is {JsonNodeNavigator.DescribeKind(node)}, which is not a JSON Patch array nor a JSON Merge Patch object{(contentType is null ? string.Empty : $" (Content-Type {contentType})")}.",
                    "Invalid Patch");
        }
    }
}
