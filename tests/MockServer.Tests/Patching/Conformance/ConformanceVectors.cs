using System.Text.Json;

namespace ContractHarness.MockServer.Tests.Patching.Conformance;

/// <summary>Loads every vector file in <c>tests/MockServer.Tests/Patching/Vectors</c> once.</summary>
internal static class ConformanceVectors
{
    private static readonly Lazy<IReadOnlyList<ConformanceVector>> Loaded = new(Load);

    /// <summary>All vectors of all files, files in name order, vectors in file order.</summary>
    public static IReadOnlyList<ConformanceVector> All => Loaded.Value;

    /// <summary>The vector with the given table key (<c>file#index</c>), or null.</summary>
    public static ConformanceVector? Find(string key) => All.FirstOrDefault(v => v.Key == key);

    private static List<ConformanceVector> Load()
    {
        var vectors = new List<ConformanceVector>();
        var files = Directory.GetFiles(RepoPaths.PatchVectors, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var path in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                vectors.Add(ConformanceVector.From(Path.GetFileName(path), index++, element));
            }
        }

        return vectors;
    }
}
