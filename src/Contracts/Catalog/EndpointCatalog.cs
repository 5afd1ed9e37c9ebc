using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractHarness.Contracts.Catalog;

/// <summary>The catalog of operations in <c>contracts/endpoints.json</c>, and where the contract files live.</summary>
public sealed record EndpointCatalog
{
    public const string FileName = "endpoints.json";

    /// <summary>
    /// JSON options of every file the project writes under <c>contracts/</c>: the catalog types and JSON nodes from
    /// source-generated metadata (no reflection, so the natively compiled mock, which carries this assembly, stays
    /// trimming-safe). Built on first use: only the generator needs them.
    /// </summary>
    public static JsonSerializerOptions JsonOptions => WriterOptions.Value;

    public string? Comment { get; init; }

    public required IReadOnlyList<EndpointDefinition> Endpoints { get; init; }

    /// <summary>The folder the catalog was loaded from (the <c>contracts/</c> folder).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = string.Empty;

    /// <summary>Full path of a file named relative to <c>contracts/</c>.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public static EndpointCatalog Load(string contractsDirectory)
    {
        var path = Path.Combine(contractsDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {FileName} in '{contractsDirectory}'. Run 'make contracts' to generate it.", path);
        }

        var catalog = CatalogReader.Read(File.ReadAllBytes(path), path);
        return catalog with { Directory = Path.GetFullPath(contractsDirectory) };
    }

    /// <summary>Finds the contracts folder: <paramref name="explicitPath"/>, else the first <c>contracts/</c> with a catalog above <paramref name="start"/>.</summary>
    public static string Locate(string? explicitPath = null, string? start = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "contracts");
            if (File.Exists(Path.Combine(candidate, FileName)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No contracts/{FileName} found above '{start ?? AppContext.BaseDirectory}'.");
    }

    private static class WriterOptions
    {
        public static readonly JsonSerializerOptions Value = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new KebabCaseEnumConverter<RequestBodyKind>() },
            TypeInfoResolver = CatalogJsonContext.Default,
        };
    }
}
