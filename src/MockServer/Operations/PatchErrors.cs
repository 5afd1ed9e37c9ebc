using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// Runs the patch engine and maps its errors: a failing <c>test</c> is 409; a malformed document, <c>move</c>/<c>copy</c>
/// and a path that does not exist are 400, naming the operation and the path ("ContactEntity has no property
/// 'Nickname'" when the first step of the path is not a property of the entity). Both return the refusal as a value.
/// </summary>
internal static class PatchErrors
{
    /// <summary>The patch document, or null and the 400 in <paramref name="refused"/>.</summary>
    /// <remarks>The one place the parser's <see cref="JsonPatchException"/> is caught and turned into a refusal.</remarks>
    public static JsonPatchDocument? Parse(JsonNode? body, EntityModel model, out MockHttpException? refused)
    {
        try
        {
            refused = null;
            return JsonPatchDocument.Parse(body);
        }
        catch (JsonPatchException e)
        {
            refused = Map(e, model);
            return null;
        }
    }

    /// <summary>
    /// Applies the patch in place to <paramref name="document"/>, which must be a private copy the caller throws
    /// away on failure (the stored entity is a fresh parse of its bytes), so the engine's own defensive copy is skipped.
    /// </summary>
    /// <remarks>A failure is returned in <paramref name="refusal"/>, not thrown (a failing <c>test</c> is a routine 409).</remarks>
    public static JsonNode? TryApply(JsonPatchDocument patch, JsonNode document, EntityModel model, out MockHttpException? refusal)
    {
        var result = JsonPatchApplier.TryApply(patch.Operations, document, out var error);
        refusal = error is null ? null : Map(error, model);
        return result;
    }

    private static MockHttpException Map(JsonPatchException e, EntityModel model) => e.ErrorKind switch
    {
        JsonPatchErrorKind.TestFailed => MockErrors.Conflict(model.Resource, $"Update blocked because a 'test' operation has detected a conflict with the entity value. {e.Message}"),
        JsonPatchErrorKind.UnsupportedOperation => MockErrors.BadRequest(e.Message, "Unsupported Patch Operation"),
        JsonPatchErrorKind.PathNotFound when UnknownProperty(e.Path, model) is { } name =>
            MockErrors.BadRequest($"{model.Entity} has no property '{name}'. {e.Message}", "Unknown Property"),
        JsonPatchErrorKind.PathNotFound => MockErrors.BadRequest(e.Message, "Patch Path Not Found"),
        _ => MockErrors.BadRequest(e.Message, "Invalid Patch"),
    };

    private static string? UnknownProperty(string? path, EntityModel model)
    {
        if (path is null || !JsonPointer.TryParse(path, out var pointer) || pointer.IsRoot)
        {
            return null;
        }

        var first = pointer.Segments[0];
        return model.Schema.TryGetProperty(first, out _, out _) ? null : first;
    }
}
