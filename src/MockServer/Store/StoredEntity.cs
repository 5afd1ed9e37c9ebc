using System.Text.Json.Nodes;
using ContractHarness.MockServer.Preconditions;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// One stored version of an entity: its serialized UTF-8 JSON, served as is by GET, and the last-update stamp.
/// Immutable, so readers never lock. When the entity has <c>_Links</c>, <see cref="LinksStart"/> and
/// <see cref="LinksEnd"/> mark the bytes of its value, which the response replaces with links built from the
/// request's own scheme and host.
/// </summary>
internal sealed class StoredEntity
{
    public StoredEntity(byte[] utf8, int linksStart, int linksEnd, DateTimeOffset lastUpdate)
    {
        Utf8 = utf8;
        LinksStart = linksStart;
        LinksEnd = linksEnd;
        LastUpdate = EntityStamp.ToSeconds(lastUpdate);
        LastModified = HttpDate.Format(LastUpdate);
    }

    public byte[] Utf8 { get; }

    /// <summary>Offset of the <c>_Links</c> value in <see cref="Utf8"/>, or -1.</summary>
    public int LinksStart { get; }

    /// <summary>Offset just past the <c>_Links</c> value, or -1.</summary>
    public int LinksEnd { get; }

    /// <summary>The last-update stamp at one-second resolution (UTC).</summary>
    public DateTimeOffset LastUpdate { get; }

    /// <summary><see cref="LastUpdate"/> as an HTTP-date, for the <c>Last-Modified</c> header.</summary>
    public string LastModified { get; }

    /// <summary>A fresh, private, mutable copy of the entity.</summary>
    public JsonObject ToJsonObject() => StoredEntityJson.Parse(Utf8);
}
