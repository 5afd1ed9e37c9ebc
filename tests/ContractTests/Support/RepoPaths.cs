namespace ContractHarness.ContractTests.Support;

/// <summary>Paths inside the repository, found by walking up from the test assembly to ContractHarness.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Contracts => Path.Combine(Root, "contracts");

    public static string Pacts => Path.Combine(Contracts, "pacts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContractHarness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ContractHarness.sln not found above the test assembly.");
    }
}
