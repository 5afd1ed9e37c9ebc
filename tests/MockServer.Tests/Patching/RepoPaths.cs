using ContractHarness.Tests.Shared;

namespace ContractHarness.MockServer.Tests.Patching;

/// <summary>Locates files of the source tree from the test output folder.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding the conformance vectors (<c>tests/MockServer.Tests/Patching/Vectors</c>).</summary>
    public static string VectorsDirectory => RepoRoot.Combine("tests", "MockServer.Tests", "Patching", "Vectors");
}
