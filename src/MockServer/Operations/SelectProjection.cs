using System.Text.Json.Nodes;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations;

/// <summary>
/// <c>$select=name,department,category/id</c>: the response keeps the selected fields and resets every other one
/// to its <see cref="SchemaDefaults">default</see> (null for nullable types), so it still validates against the
/// schema. Names match case-insensitively; <c>a/b</c> keeps only <c>b</c> inside <c>a</c> (for every item when
/// <c>a</c> is a list); the primary key and <c>_Links</c> are always kept. An unknown name is a 400 naming it.
/// Projection works on a copy: what is stored never changes.
/// </summary>
internal sealed class SelectProjection
{
    public const string QueryName = "$select";

    private static readonly byte[] NullBytes = "null"u8.ToArray();
    private readonly SelectNode _root;
    private readonly EntityModel _model;

    private SelectProjection(SelectNode root, EntityModel model)
    {
        _root = root;
        _model = model;
    }

    /// <summary>Parses the query value; null when there is nothing to select (absent or blank) or when it names an unknown field (the 400 is in <paramref name="refused"/>).</summary>
    public static SelectProjection? Parse(string? select, EntityModel model, out MockHttpException? refused)
    {
        refused = null;
        if (string.IsNullOrWhiteSpace(select))
        {
            return null;
        }

        var root = new SelectNode();
        foreach (var item in select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var node = root;
            SchemaNode? schema = model.Schema;
            var owner = model.Entity;
            foreach (var segment in item.Split('/', StringSplitOptions.TrimEntries))
            {
                var name = segment;
                var declared = schema?.ValueSchema is { Properties.Count: > 0 } carrier ? carrier : null;
                if (declared is not null)
                {
                    if (!declared.TryGetProperty(segment, out name, out var child))
                    {
                        refused = MockErrors.BadRequest($"$select: {owner} has no property '{segment}'.", "Unknown $select Field");
                        return null;
                    }

                    owner = child.ValueSchema.Title ?? name;
                    schema = child.ValueSchema.Items ?? child;
                }
                else if (segment.Length == 0 || schema is not null && (schema.ValueSchema.Types & (SchemaTypes.Object | SchemaTypes.Array)) == 0)
                {
                    refused = MockErrors.BadRequest($"$select: '{item}' is not a valid field path ({owner} has no fields).", "Unknown $select Field");
                    return null;
                }
                else
                {
                    schema = null; // a carrier whose fields the contract does not list: any name is accepted
                }

                node = node.Child(name);
            }

            node.All = true;
        }

        return new SelectProjection(root, model);
    }

    /// <summary>
    /// The projected version of a stored entity, in one pass over its stored bytes: selected properties keep their
    /// bytes, nested selections are re-read and trimmed, every other property takes its default's bytes. The stored
    /// entity is not touched.
    /// </summary>
    public StoredEntity Apply(StoredEntity entity) =>
        EntityWriter.Rewrite(entity, property => ValueFor(entity, property), _model, entity.LastUpdate);

    /// <summary>The bytes the projection gives a property, or null to keep its stored value.</summary>
    private byte[]? ValueFor(StoredEntity entity, PropertySpan property)
    {
        var name = property.Name;
        if (string.Equals(name, _model.PrimaryKey, StringComparison.Ordinal) || name == EntityModel.LinksProperty)
        {
            return null;
        }

        return _root.Find(name) switch
        {
            null => _model.DefaultValues.TryGetValue(name, out var value) ? value : NullBytes,
            { All: true } => null,
            var partly => EntityWriter.ValueBytes(Keep(entity.ReadValue(property), partly)),
        };
    }

    private static JsonNode? Keep(JsonNode? value, SelectNode selection)
    {
        switch (value)
        {
            case JsonObject obj:
                var kept = new JsonObject();
                foreach (var (name, member) in obj.ToList())
                {
                    if (selection.Find(name) is { } child)
                    {
                        obj.Remove(name);
                        kept[name] = child.All ? member : Keep(member, child);
                    }
                }

                return kept;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array.ToList())
                {
                    items.Add(Keep(item?.DeepClone(), selection));
                }

                return items;
            default:
                return value;
        }
    }

    private sealed class SelectNode
    {
        private readonly Dictionary<string, SelectNode> _children = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>True when the whole value is selected (not only some of its members).</summary>
        public bool All { get; set; }

        public SelectNode Child(string name) =>
            _children.TryGetValue(name, out var child) ? child : _children[name] = new SelectNode();

        public SelectNode? Find(string name) => _children.GetValueOrDefault(name);
    }
}
