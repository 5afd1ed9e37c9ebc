using System.Text;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Proxy.Checks;

/// <summary>
/// Follows a patch path through an entity's schema, as the mock's patch engine follows it through an entity
/// (member names case-insensitively, array indexes and <c>-</c>, map keys), without the entity: the schema the value
/// at the path must match, and the path in the schema's spelling (<c>associate/type</c> is <c>/Associate/Type</c>).
/// </summary>
internal readonly record struct SchemaPath(SchemaNode? Schema, string Path, string? Problem)
{
    /// <summary>
    /// The schema at <paramref name="pointer"/> under <paramref name="root"/> (named <paramref name="rootName"/> in
    /// messages); <see cref="Schema"/> is null when the path goes where the schema says nothing (a free-form object),
    /// and <see cref="Problem"/> says why when the path cannot exist.
    /// </summary>
    public static SchemaPath Resolve(SchemaNode root, JsonPointer pointer, string rootName)
    {
        var schema = root;
        var path = new StringBuilder();
        foreach (var segment in pointer.Segments)
        {
            var node = schema.ValueSchema;
            var owner = path.Length == 0 ? rootName : node.Title ?? $"the value at {path}";
            if (node.Properties.Count > 0 && node.TryGetProperty(segment, out var canonical, out var property))
            {
                schema = property;
                Append(path, canonical);
            }
            else if (node.AdditionalProperties is { } values)
            {
                schema = values;
                Append(path, segment);
            }
            else if (node.Items is { } items && (segment == "-" || JsonNodeNavigator.TryParseArrayIndex(segment, out _)))
            {
                schema = items;
                Append(path, segment);
            }
            else if (node.Items is not null)
            {
                return new(null, Append(path, segment).ToString(), $"'{segment}' is not an index of {owner} (a list).");
            }
            else if (node.Properties.Count == 0 && node.AllowsAdditionalProperties && (node.Types & (SchemaTypes.Object | SchemaTypes.Array)) != 0)
            {
                return new(null, Append(path, segment).ToString(), null); // free-form: nothing to check below here
            }
            else
            {
                return new(null, Append(path, segment).ToString(), (node.Types & SchemaTypes.Object) != 0 || node.Properties.Count > 0
                    ? $"{owner} has no property '{segment}'."
                    : $"{owner} has no members: it is not an object or a list.");
            }
        }

        return new(schema, path.Length == 0 ? "/" : path.ToString(), null);
    }

    /// <summary>Appends a segment, escaped as RFC 6901 requires.</summary>
    public static StringBuilder Append(StringBuilder path, string segment) => path.Append('/').Append(JsonPointerSyntax.Escape(segment));
}
