using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// One stored version of an entity: its serialized UTF-8 JSON, served as is by GET, the last-update stamp, and
/// where each top-level property's value sits in the bytes (so an update re-reads only what it changes). Immutable,
/// so readers never lock. When the entity has <c>_Links</c>, <see cref="LinksStart"/> and <see cref="LinksEnd"/>
/// mark the bytes of its value, which the response replaces with links built from the request's scheme and host.
/// </summary>
internal sealed class StoredEntity
{
    public StoredEntity(byte[] utf8, int linksStart, int linksEnd, DateTimeOffset lastUpdate, ImmutableArray<PropertySpan> properties)
    {
        Utf8 = utf8;
        LinksStart = linksStart;
        LinksEnd = linksEnd;
        Properties = properties;
        LastUpdate = EntityStamp.ToSeconds(lastUpdate);
        LastModified = HttpDate.Format(LastUpdate);
    }

    /// <summary>The same bytes, named as the version a store holds (an entity is shared by stores and resets, its tag is not).</summary>
    private StoredEntity(StoredEntity entity, VersionTag tag)
    {
        Utf8 = entity.Utf8;
        LinksStart = entity.LinksStart;
        LinksEnd = entity.LinksEnd;
        Properties = entity.Properties;
        LastUpdate = entity.LastUpdate;
        LastModified = entity.LastModified;
        Tag = tag;
    }

    public byte[] Utf8 { get; }

    /// <summary>The version's tag in the store that holds it; null for a version not stored (yet).</summary>
    public VersionTag? Tag { get; }

    /// <summary>This version as the store holds it, under <paramref name="tag"/>.</summary>
    public StoredEntity Tagged(VersionTag tag) => new(this, tag);

    /// <summary>Offset of the <c>_Links</c> value in <see cref="Utf8"/>, or -1.</summary>
    public int LinksStart { get; }

    /// <summary>Offset just past the <c>_Links</c> value, or -1.</summary>
    public int LinksEnd { get; }

    /// <summary>The top-level properties in stored order, with the byte range of each value.</summary>
    public ImmutableArray<PropertySpan> Properties { get; }

    /// <summary>The last-update stamp at one-second resolution (UTC).</summary>
    public DateTimeOffset LastUpdate { get; }

    /// <summary><see cref="LastUpdate"/> as an HTTP-date, for the <c>Last-Modified</c> header.</summary>
    public string LastModified { get; }

    /// <summary>True when the entity has the top-level property <paramref name="name"/> (the schema's spelling).</summary>
    public bool Has(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fresh, private, mutable copy of the entity.</summary>
    public JsonObject ToJsonObject() => StoredEntityJson.Parse(Utf8);

    /// <summary>The raw JSON of one property's value.</summary>
    public ReadOnlySpan<byte> ValueBytes(PropertySpan property) => Utf8.AsSpan(property.Start, property.End - property.Start);

    /// <summary>A fresh, private copy of one property's value (null for JSON null).</summary>
    public JsonNode? ReadValue(PropertySpan property) => StoredEntityJson.ParseValue(ValueBytes(property));
}

/// <summary>A top-level property of a stored entity and the byte range of its value.</summary>
internal readonly record struct PropertySpan(string Name, int Start, int End);

/// <summary>A top-level property a new version sets, with its value as JSON bytes (never changed once made).</summary>
internal readonly record struct MemberValue(string Name, byte[] Utf8);
