using ContractHarness.Tests.Shared;

namespace ContractHarness.Contracts.Tests.Support;

/// <summary>Paths inside the repository, below the repository root.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Contracts => Path.Combine(Root, "contracts");

    public static string Source => Path.Combine(Contracts, "source");

    public static string Schemas => Path.Combine(Contracts, "schemas");

    public static IEnumerable<string> Pages =>
        Directory.GetFiles(Source, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
