using ContractHarness.Tests.Shared;

namespace ContractHarness.ContractTests.Support;

/// <summary>Paths inside the repository, below the repository root.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Contracts => Path.Combine(Root, "contracts");

    public static string Pacts => Path.Combine(Contracts, "pacts");
}
