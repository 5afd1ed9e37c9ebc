using System.Runtime.CompilerServices;

namespace ContractHarness.TestSupport;

/// <summary>
/// The repository root, for tests that read the contracts and data files of the source tree: the first folder
/// above the test binaries that holds ContractHarness.sln, or failing that (binaries built outside the tree) the
/// one above this source file. Part of the test-support project every test project references.
/// </summary>
public static class RepoRoot
{
    private const string SolutionFile = "ContractHarness.sln";

    public static string Path { get; } = Find(AppContext.BaseDirectory) ?? Find(ThisFileDirectory())
        ?? throw new DirectoryNotFoundException($"No folder containing {SolutionFile} above {AppContext.BaseDirectory}.");

    /// <summary>A path below the root, e.g. <c>Combine("contracts", "schemas")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string? Find(string? start)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? ThisFileDirectory([CallerFilePath] string file = "") => System.IO.Path.GetDirectoryName(file);
}
