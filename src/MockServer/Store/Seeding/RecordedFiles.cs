using System.Globalization;

namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// The layout of a recording folder (<c>--record DIR</c> writes it, <c>--replay DIR</c> reads it): one folder per
/// route named by its resource, one file per entity named by its id, the entity's JSON as the tenant sent it
/// (<c>DIR/Contact/66.json</c>). Names starting with a dot are not entities (a write in progress is one).
/// </summary>
internal static class RecordedFiles
{
    public const string Extension = ".json";

    /// <summary>The file of entity <paramref name="id"/> of <paramref name="resource"/> under <paramref name="folder"/>.</summary>
    public static string PathOf(string folder, string resource, int id) =>
        Path.Combine(folder, resource, id.ToString(CultureInfo.InvariantCulture) + Extension);

    /// <summary>A name to write a file's next version under before it takes the file's name: hidden, unique, in the same folder.</summary>
    public static string TemporaryPathOf(string file) =>
        Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");

    /// <summary>True for a name that is no entity: a hidden file or folder (temporary files, editors' and tools' own).</summary>
    public static bool IsHidden(string name) => name.StartsWith('.');

    /// <summary>The id a file name gives (<c>66.json</c> is 66), or false for a name that is not <c>&lt;id&gt;.json</c>.</summary>
    public static bool TryReadId(string name, out int id)
    {
        id = 0;
        return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(name.AsSpan(0, name.Length - Extension.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id);
    }
}
