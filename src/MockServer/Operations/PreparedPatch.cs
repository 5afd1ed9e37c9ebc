using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// A patch whose outcome does not depend on the stored version, worked out before the entity's lock is taken, so
/// the lock is held only to check the preconditions and splice bytes: every operation sets or removes one whole
/// top-level property of the schema (JSON Patch <c>add</c>, <c>replace</c>, <c>remove</c>; a merge patch whose
/// members are scalars, arrays or null), each property named once. The new values are shaped, validated and
/// serialized here, as the whole-patch path would do them under the lock; a refusal waits for the preconditions,
/// which answer first. Anything else (<c>test</c>, nested paths, merged objects, <c>_Links</c>, unknown names)
/// takes the path under the lock, as does a version that lacks a property a <c>replace</c> or <c>remove</c> needs.
/// </summary>
internal sealed class PreparedPatch
{
    private readonly string[] _mustExist;

    private PreparedPatch(MemberValue[]? values, string[] mustExist, MockHttpException? refusal) =>
        (Values, _mustExist, Refusal) = (values, mustExist, refusal);

    /// <summary>The new values as JSON bytes, under their schema names (null when <see cref="Refusal"/> is set).</summary>
    public MemberValue[]? Values { get; }

    /// <summary>The 400 the patch earns whatever the stored version is (after the preconditions).</summary>
    public MockHttpException? Refusal { get; }

    /// <summary>True when <paramref name="current"/> has every property the patch replaces or removes.</summary>
    public bool Fits(StoredEntity current)
    {
        foreach (var name in _mustExist)
        {
            if (!current.Has(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The prepared patch of entity <paramref name="id"/>, or null when the patch needs the stored version. The changed
    /// members are shaped, validated and their key checked as the path under the lock does them (<see cref="EntityChanges.Check"/>).
    /// </summary>
    public static PreparedPatch? Prepare(
        EntityModel model, int id, JsonPatchDocument? patch, JsonObject? merge)
    {
        var members = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var touched = new List<string>(2);
        var mustExist = new List<string>(2);
        if (patch is not null)
        {
            foreach (var operation in patch.Operations)
            {
                if (operation.Op is not (PatchOperationType.Add or PatchOperationType.Replace or PatchOperationType.Remove)
                    || operation.Path.Segments.Count != 1 || Property(operation.Path.Segments[0], model, touched) is not { } name)
                {
                    return null;
                }

                if (operation.Op != PatchOperationType.Add)
                {
                    mustExist.Add(name); // replace and remove need the member; add sets it either way
                }

                if (operation.Op != PatchOperationType.Remove)
                {
                    members[name] = operation.Value?.DeepClone();
                }
            }
        }
        else if (merge is not null)
        {
            // replace when the member exists, else add; null removes (or, absent, leaves the default): nothing needs the member
            foreach (var (key, value) in merge)
            {
                if (value is JsonObject || Property(key, model, touched) is not { } name)
                {
                    return null;
                }

                if (value is not null)
                {
                    members[name] = value.DeepClone();
                }
            }
        }
        else
        {
            return null;
        }

        EntityShape.WithDefaults(members, model, touched);
        var refused = EntityChanges.Check(model, id, members, checkKey: true);
        if (refused is not null)
        {
            return new PreparedPatch(null, [.. mustExist], refused);
        }

        var values = new MemberValue[members.Count];
        var i = 0;
        foreach (var (name, value) in members)
        {
            values[i++] = new MemberValue(name, EntityWriter.ValueBytes(value));
        }

        return new PreparedPatch(values, [.. mustExist], null);
    }

    /// <summary>The schema's name of a top-level property the patch may set here, or null (unknown, <c>_Links</c>, named twice).</summary>
    private static string? Property(string segment, EntityModel model, List<string> touched)
    {
        if (!model.Schema.TryGetProperty(segment, out var name, out _) || (model.HasLinks && name == EntityModel.LinksProperty) || touched.Contains(name))
        {
            return null;
        }

        touched.Add(name);
        return name;
    }
}
