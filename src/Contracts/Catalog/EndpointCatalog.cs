namespace ContractHarness.Contracts.Catalog;

/// <summary>The catalog of operations in <c>contracts/endpoints.json</c>, and where the contract files live.</summary>
public sealed record EndpointCatalog
{
    public const string FileName = "endpoints.json";

    public string? Comment { get; init; }

    public required IReadOnlyList<EndpointDefinition> Endpoints { get; init; }

    /// <summary>The folder the catalog was loaded from (the <c>contracts/</c> folder; <see cref="ContractFiles.Root"/>).</summary>
    public string Directory { get; init; } = string.Empty;

    /// <summary>Where the catalog and the files it names are read from.</summary>
    public ContractFiles Files { get; init; } = ContractFiles.Embedded;

    /// <summary>Full path of a file named relative to <c>contracts/</c>.</summary>
    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>The catalog of the contracts embedded in this assembly (this repository's <c>contracts/</c>).</summary>
    public static EndpointCatalog LoadEmbedded() => Load(ContractFiles.Embedded);

    /// <summary>The catalog as <c>endpoints.json</c> holds it (what <see cref="Load(ContractFiles)"/> reads back).</summary>
    public string ToJson() => CatalogWriter.Write(this);

    public static EndpointCatalog Load(string contractsDirectory) => Load(ContractFiles.Folder(contractsDirectory));

    /// <summary>The catalog of a contract set, read from <paramref name="files"/>.</summary>
    public static EndpointCatalog Load(ContractFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var path = files.PathOf(FileName);
        if (!files.Exists(path))
        {
            throw new FileNotFoundException($"No {FileName} in '{files.Root}'. Run 'make contracts' to generate it.", path);
        }

        var catalog = CatalogReader.Read(files.ReadAllBytes(path), path);
        return catalog with { Directory = files.Root, Files = files };
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
}
