using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContractHarness.Contracts.Catalog;

/// <summary>The catalog of operations in <c>contracts/endpoints.json</c>, and where the contract files live.</summary>
public sealed record EndpointCatalog
{
    public const string FileName = "endpoints.json";

    /// <summary>
    /// JSON options of every file the project writes under <c>contracts/</c>. Built on first use (in a nested class, so
    /// loading a catalog does not build them): only the generator needs them, and their reflection fallback for
    /// non-catalog types cannot work in the trimmed, natively compiled mock.
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
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
            // The catalog types from source-generated metadata; anything else (JsonNode values) by reflection, as before.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CatalogJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
    }
}
