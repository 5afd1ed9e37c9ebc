using System.Collections;
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
    public StoredEntity(byte[] utf8, int linksStart, int linksEnd, DateTimeOffset lastUpdate, PropertySpans properties)
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
    public PropertySpans Properties { get; }

    /// <summary>The last-update stamp at one-second resolution (UTC).</summary>
    public DateTimeOffset LastUpdate { get; }

    /// <summary><see cref="LastUpdate"/> as an HTTP-date, for the <c>Last-Modified</c> header.</summary>
    public string LastModified { get; }

    /// <summary>True when the entity has the top-level property <paramref name="name"/> (the schema's spelling).</summary>
    public bool Has(string name)
    {
        return Properties.IndexOf(name) >= 0;
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

/// <summary>
/// The top-level properties of a stored version in stored order: their names, an array the versions an update
/// leaves in the same order share, and the byte range of each value, two ints per property. A new version
/// allocates only the ranges, an array without references for the collector to trace.
/// </summary>
internal readonly struct PropertySpans : IReadOnlyList<PropertySpan>
{
    private readonly string[] _names;
    private readonly int[] _bounds;

    /// <param name="names">The names in stored order; never changed afterwards (versions share it).</param>
    /// <param name="bounds">Start and end of each value, in the same order (2 × the names).</param>
    public PropertySpans(string[] names, int[] bounds)
    {
        if (bounds.Length != 2 * names.Length)
        {
            throw new ArgumentException($"{bounds.Length} bounds for {names.Length} names: two per name.", nameof(bounds));
        }

        (_names, _bounds) = (names, bounds);
    }

    public int Count => _names.Length;

    /// <summary>The names in stored order, to share with a version whose properties keep that order (never to change).</summary>
    public string[] SharedNames => _names;

    public PropertySpan this[int index] => new(_names[index], _bounds[2 * index], _bounds[(2 * index) + 1]);

    /// <summary>The start of the value of the property at <paramref name="index"/>.</summary>
    public int StartOf(int index) => _bounds[2 * index];

    /// <summary>The end (exclusive) of the value of the property at <paramref name="index"/>.</summary>
    public int EndOf(int index) => _bounds[(2 * index) + 1];

    /// <summary>The position of <paramref name="name"/> (the schema's spelling), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (_names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    public static PropertySpans From(IReadOnlyList<PropertySpan> spans)
    {
        var names = new string[spans.Count];
        var bounds = new int[2 * spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            (names[i], bounds[2 * i], bounds[(2 * i) + 1]) = (spans[i].Name, spans[i].Start, spans[i].End);
        }

        return new PropertySpans(names, bounds);
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<PropertySpan> IEnumerable<PropertySpan>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(PropertySpans spans) : IEnumerator<PropertySpan>
    {
        private int _index = -1;

        public readonly PropertySpan Current => spans[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < spans.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

/// <summary>A top-level property a new version sets, with its value as JSON bytes (never changed once made).</summary>
internal readonly record struct MemberValue(string Name, byte[] Utf8);
