using System.Runtime.CompilerServices;

namespace ContractHarness.MockServer.Tests.Patching;

/// <summary>Locates files of the source tree from the test output folder.</summary>
internal static class RepoPaths
{
    private const string SolutionFile = "ContractHarness.sln";

    /// <summary>The folder holding the conformance vectors (<c>tests/MockServer.Tests/Patching/Vectors</c>).</summary>
    public static string VectorsDirectory =>
        Path.Combine(RepoRoot, "tests", "MockServer.Tests", "Patching", "Vectors");

    /// <summary>
    /// The repository root: the first folder above the test binaries that holds the solution file, or failing
    /// that (binaries built outside the tree) the one above this source file.
    /// </summary>
    public static string RepoRoot => FindRoot(AppContext.BaseDirectory) ?? FindRoot(ThisFileDirectory())
        ?? throw new DirectoryNotFoundException($"No folder containing {SolutionFile} above {AppContext.BaseDirectory}.");

    private static string? FindRoot(string? start)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? ThisFileDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file);
}
