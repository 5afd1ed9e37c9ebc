using System.Collections.Concurrent;
using System.Reflection;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The files of the browser pages, embedded in the mock's assembly at build time (see the project file): ours under
/// <c>pages/</c>, swagger-ui-dist's under <c>swagger-ui/</c> when node_modules held it. Embedded rather than read from
/// disk so the single native program needs nothing beside it; each file is read once and kept.
/// </summary>
internal static class AdminAssets
{
    public const string Pages = "pages/";
    public const string SwaggerUi = "swagger-ui/";

    private static readonly Assembly Assembly = typeof(AdminAssets).Assembly;
    private static readonly ConcurrentDictionary<string, byte[]?> Read = new(StringComparer.Ordinal);

    /// <summary>True when the build found swagger-ui-dist and bundled it (it is optional: see the project file).</summary>
    public static bool SwaggerUiBundled { get; } = Assembly.GetManifestResourceInfo(SwaggerUi + "swagger-ui-bundle.js") is not null;

    /// <summary>The bytes of the embedded file <paramref name="name"/> (e.g. <c>pages/admin.html</c>), or null.</summary>
    public static byte[]? Find(string name) => Read.GetOrAdd(name, static n =>
    {
        using var stream = Assembly.GetManifestResourceStream(n);
        if (stream is null)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    });

    /// <summary>The Content-Type of a file by its name; the licence files have no extension and are text.</summary>
    public static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".png" => "image/png",
        _ => "text/plain; charset=utf-8",
    };
}
