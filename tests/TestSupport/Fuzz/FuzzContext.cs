using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>What a generator draws from: its random source, the operation, the entity id and its stored JSON.</summary>
internal sealed class FuzzContext(string category, Random random, FuzzTarget target, int id, string entity, string unique)
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";

    public Random Random { get; } = random;

    public FuzzTarget Target { get; } = target;

    public int Id { get; } = id;

    /// <summary>The entity as GET answered it before the case.</summary>
    public string Entity { get; } = entity;

    /// <summary>A value no other case of the run writes.</summary>
    public string Unique { get; } = unique;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Coin() => Random.Next(2) == 0;

    /// <summary>A writable property of the group, or of the string group when the entity has none of that kind.</summary>
    public string Property(IReadOnlyList<string> group)
    {
        var writable = Target.Writable(group).ToList();
        return writable.Count > 0 ? Pick(writable) : Pick(Target.Writable(Target.Strings).ToList());
    }

    public string DefaultContentType => Target.TakesEntity ? "application/json" : JsonPatch;

    /// <summary>
    /// A body setting one property to a raw value: the whole entity for PUT, else a JSON Patch <c>replace</c> or a
    /// merge patch. <paramref name="key"/> and <paramref name="path"/> replace the member name or pointer token.
    /// </summary>
    public (byte[] Body, string ContentType) Edit(string property, byte[] value, byte[]? key = null, byte[]? path = null)
    {
        if (Target.TakesEntity)
        {
            return (RawJson.EntityWith(Entity, property, key ?? RawJson.String(property), value), "application/json");
        }

        return Coin()
            ? (RawJson.Array(RawJson.Op("replace", path ?? RawJson.String("/" + property), value)), JsonPatch)
            : (RawJson.Member(key ?? RawJson.String(property), value), MergePatch);
    }

    /// <summary>A case on this context's entity.</summary>
    public FuzzCase Case(Expect expect, byte[]? body, string? contentType = null, string? path = null, string? method = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, int? refuseWith = null) =>
        new(category, Target, Id, method ?? Target.Endpoint.Method, path ?? Target.Prefix + Id, contentType ?? (body is null ? null : DefaultContentType),
            body, headers ?? [], expect, RefuseWith: refuseWith);

    /// <summary>The edit as a case, refusal expected.</summary>
    public FuzzCase Refused((byte[] Body, string ContentType) edit) => Case(Expect.Refuse, edit.Body, edit.ContentType);

    /// <summary>A valid update of a string property to <see cref="Unique"/>, checked after a 200.</summary>
    public FuzzCase ValidUpdate(Expect expect, string? path = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null, string? contentType = null)
    {
        var property = Property(Target.Strings);
        var (body, type) = Edit(property, RawJson.String(Unique));
        return Case(expect, body, contentType ?? type, path, headers: headers) with { CheckProperty = property, CheckValue = JsonValue.Create(Unique) };
    }
}
