using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Generator.Catalog;
using ContractHarness.Contracts.Generator.OpenApi;
using ContractHarness.Contracts.Generator.WireMock;
using ContractHarness.Contracts.Generator.Pages;
using ContractHarness.Contracts.Generator.Schemas;

namespace ContractHarness.Contracts.Generator;

/// <summary>
/// Generates every derived file of <c>contracts/</c> from the pages in <c>contracts/source</c>: entity and carrier
/// schemas, the endpoint catalog, the OpenAPI document and the fixtures. Output is deterministic (sorted, LF, indented).
/// </summary>
internal static class ContractGenerator
{
    /// <summary>Optional table in the source folder renaming inferred carriers to the API's own type names.</summary>
    public const string CarrierNamesFile = "carriers.json";

    /// <summary>The folders the generator owns: stale files in them are deleted on write.</summary>
    public static readonly string[] OwnedFolders = ["schemas", "fixtures", .. WireMockMappings.OwnedFolders];

    /// <summary>Reads every <c>*.md</c> page in <paramref name="sourceDirectory"/> and returns the generated files by path relative to <c>contracts/</c>.</summary>
    public static SortedDictionary<string, string> Generate(string sourceDirectory)
    {
        var pages = Directory.GetFiles(sourceDirectory, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(PageReader.ReadFile)
            .ToList();
        if (pages.Count == 0)
        {
            throw new InvalidOperationException($"No reference pages (*.md) in '{sourceDirectory}'.");
        }

        var schemas = SchemaSetBuilder.Build(pages, ReadCarrierNames(sourceDirectory));
        VendorFacts.Read(sourceDirectory).ApplyTo(schemas);
        var catalog = CatalogBuilder.Build(schemas);
        var fixtures = new FixtureValues(schemas);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in schemas.Entities)
        {
            files[$"schemas/{SchemaSet.FileName(entity.Name)}"] = Serialize(entity.Schema);
            files[$"fixtures/{entity.Name}.json"] = Serialize(fixtures.From(entity));
        }

        foreach (var (name, schema) in schemas.Carriers)
        {
            files[$"schemas/{SchemaSet.FileName(name)}"] = Serialize(schema);
        }

        files[EndpointCatalog.FileName] = catalog.ToJson();
        files["openapi.json"] = Serialize(OpenApiBuilder.Build(catalog, schemas));
        WireMockMappings.AddTo(files, catalog);
        return files;
    }

    /// <summary>Writes the generated files into <paramref name="contractsDirectory"/>, removing stale files from the generator's folders.</summary>
    public static IReadOnlyList<string> Write(string sourceDirectory, string contractsDirectory)
    {
        var files = Generate(sourceDirectory);
        foreach (var folder in OwnedFolders)
        {
            var path = Path.Combine(contractsDirectory, folder);
            Directory.CreateDirectory(path);
            foreach (var stale in Directory.GetFiles(path).Where(f => !files.ContainsKey($"{folder}/{Path.GetFileName(f)}")))
            {
                File.Delete(stale);
            }
        }

        foreach (var (relative, content) in files)
        {
            var target = Path.Combine(contractsDirectory, relative);
            if (!File.Exists(target) || File.ReadAllText(target) != content)
            {
                File.WriteAllText(target, content);
            }
        }

        return [.. files.Keys];
    }

    /// <summary>
    /// The stale files under <paramref name="contractsDirectory"/>: those that differ from what the pages generate
    /// (missing, changed, or left over in a folder the generator owns). "Drift" is the vendor comparison's word.
    /// </summary>
    public static IReadOnlyList<string> StaleFiles(string sourceDirectory, string contractsDirectory)
    {
        var files = Generate(sourceDirectory);
        var stale = files.Where(f => !File.Exists(Path.Combine(contractsDirectory, f.Key)) || File.ReadAllText(Path.Combine(contractsDirectory, f.Key)) != f.Value)
            .Select(f => f.Key).ToList();
        stale.AddRange(OwnedFolders.Where(d => Directory.Exists(Path.Combine(contractsDirectory, d)))
            .SelectMany(d => Directory.GetFiles(Path.Combine(contractsDirectory, d)).Select(f => $"{d}/{Path.GetFileName(f)}"))
            .Where(f => !files.ContainsKey(f)));
        return stale;
    }

    /// <summary>JSON options of the generated schemas, fixtures and OpenAPI document (the catalog has its own writer).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static string Serialize(JsonNode? node) => node!.ToJsonString(JsonOptions) + "\n";

    private static Dictionary<string, string> ReadCarrierNames(string sourceDirectory)
    {
        var path = Path.Combine(sourceDirectory, CarrierNamesFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var names = JsonNode.Parse(File.ReadAllText(path))?["names"] as JsonObject
            ?? throw new InvalidDataException($"{path}: expected an object with a 'names' object mapping inferred names to API type names.");
        return names.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
    }
}
