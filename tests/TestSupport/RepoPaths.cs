namespace ContractHarness.TestSupport;

/// <summary>Folders and files of the source tree, below <see cref="RepoRoot"/>.</summary>
public static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Contracts => Path.Combine(Root, "contracts");

    /// <summary>The reference pages (<c>contracts/source</c>).</summary>
    public static string Source => Path.Combine(Contracts, "source");

    public static string Schemas => Path.Combine(Contracts, "schemas");

    public static string Pacts => Path.Combine(Contracts, "pacts");

    /// <summary>The JSON Patch conformance vectors (<c>tests/MockServer.Tests/Patching/Vectors</c>).</summary>
    public static string PatchVectors => RepoRoot.Combine("tests", "MockServer.Tests", "Patching", "Vectors");

    /// <summary>The reference pages, in file-name order.</summary>
    public static IEnumerable<string> Pages =>
        Directory.GetFiles(Source, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
