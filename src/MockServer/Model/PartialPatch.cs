using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// Most patches touch a few top-level properties. The engine then works on an object holding only those (read from
/// the stored bytes), and only they are shaped, validated and re-serialized; the rest of the entity is copied as
/// bytes. A patch with an operation on the whole document (<c>""</c>) takes the whole-entity path instead.
/// </summary>
internal static class PartialPatch
{
    /// <summary>The schema names of the top-level properties the patch touches, or null when it targets the whole document.</summary>
    public static HashSet<string>? Touched(JsonPatchDocument? patch, JsonObject? merge, EntityModel model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (patch is not null)
        {
            foreach (var operation in patch.Operations)
            {
                if (operation.Path.IsRoot)
                {
                    return null;
                }

                names.Add(Canonical(operation.Path.Segments[0], model));
            }
        }
        else if (merge is not null)
        {
            foreach (var (name, _) in merge)
            {
                names.Add(Canonical(name, model));
            }
        }

        return names;
    }

    /// <summary>A private object with the touched properties of the stored entity.</summary>
    public static JsonObject Extract(StoredEntity current, HashSet<string> touched)
    {
        var partial = new JsonObject();
        foreach (var property in current.Properties)
        {
            if (touched.Contains(property.Name))
            {
                partial[property.Name] = current.ReadValue(property);
            }
        }

        return partial;
    }

    private static string Canonical(string name, EntityModel model) =>
        model.Schema.TryGetProperty(name, out var canonical, out _) ? canonical : name;
}
