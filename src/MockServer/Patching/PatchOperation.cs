using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Patching;

/// <summary>One operation of a JSON Patch document. Immutable; the value is never inserted as is (it is cloned).</summary>
internal sealed class PatchOperation
{
    /// <summary>Creates an operation.</summary>
    /// <param name="op">The operation.</param>
    /// <param name="path">The target location.</param>
    /// <param name="value">The operation's value; null is the JSON <c>null</c> when <paramref name="hasValue"/> is true.</param>
    /// <param name="hasValue">Whether a <c>value</c> member was given; required for add, replace and test.</param>
    /// <exception cref="ArgumentException">
    /// A value is missing for add, replace or test, or remove targets the whole document.
    /// </exception>
    public PatchOperation(PatchOperationType op, JsonPointer path, JsonNode? value, bool hasValue)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!hasValue && op != PatchOperationType.Remove)
        {
            throw new ArgumentException($"A '{NameOf(op)}' operation needs a value.", nameof(hasValue));
        }

        if (op == PatchOperationType.Remove && path.IsRoot)
        {
            throw new ArgumentException("A 'remove' operation cannot target the whole document.", nameof(path));
        }

        Op = op;
        Path = path;
        Value = hasValue ? value : null;
        HasValue = hasValue;
    }

    /// <summary>The operation.</summary>
    public PatchOperationType Op { get; }

    /// <summary>The operation name as RFC 6902 spells it (<c>add</c>, <c>remove</c>, <c>replace</c>, <c>test</c>).</summary>
    public string OpName => NameOf(Op);

    /// <summary>The target location.</summary>
    public JsonPointer Path { get; }

    /// <summary>The value (null is the JSON <c>null</c>); meaningful only when <see cref="HasValue"/> is true.</summary>
    public JsonNode? Value { get; }

    /// <summary>Whether the operation carries a value (<c>"value": null</c> counts as present).</summary>
    public bool HasValue { get; }

    /// <summary>An <c>add</c> operation.</summary>
    public static PatchOperation Add(JsonPointer path, JsonNode? value) => new(PatchOperationType.Add, path, value, true);

    /// <summary>A <c>remove</c> operation.</summary>
    public static PatchOperation Remove(JsonPointer path) => new(PatchOperationType.Remove, path, null, false);

    /// <summary>A <c>replace</c> operation.</summary>
    public static PatchOperation Replace(JsonPointer path, JsonNode? value) => new(PatchOperationType.Replace, path, value, true);

    /// <summary>A <c>test</c> operation.</summary>
    public static PatchOperation Test(JsonPointer path, JsonNode? value) => new(PatchOperationType.Test, path, value, true);

    /// <summary>The operation as a JSON Patch object (<c>{"op": ..., "path": ..., "value": ...}</c>), value cloned.</summary>
    public JsonObject ToJsonObject()
    {
        var obj = new JsonObject { ["op"] = OpName, ["path"] = Path.ToString() };
        if (HasValue)
        {
            obj["value"] = Value?.DeepClone();
        }

        return obj;
    }

    /// <inheritdoc />
    public override string ToString() => ToJsonObject().ToJsonString();

    internal static string NameOf(PatchOperationType op) => op switch
    {
        PatchOperationType.Add => "add",
        PatchOperationType.Remove => "remove",
        PatchOperationType.Replace => "replace",
        PatchOperationType.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
