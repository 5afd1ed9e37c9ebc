using System.Reflection;
using PublicApiGenerator;
using ContractHarness.TestSupport;

namespace ContractHarness.PublicApi.Tests;

/// <summary>
/// The public surface of each product assembly, as PublicApiGenerator prints it, must equal its approved file in
/// <c>tests/PublicApi.Tests/approved/</c>: a change to what users can call shows in review as a change to that file.
/// To accept a change on purpose, run <c>ACCEPT_PUBLIC_API=1 dotnet test tests/PublicApi.Tests</c> (or copy the
/// <c>.received.txt</c> file the failing test wrote over the <c>.approved.txt</c> one) and commit the approved file.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Assemblies =>
    [
        "ContractHarness.Contracts",
        "ContractHarness.Contracts.Generator",
        "ContractHarness.Pact",
        "ContractHarness.ProviderVerifier",
        "ContractHarness.MockServer",
        "ContractHarness.WireMock",
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicSurface_IsTheApprovedOne(string assemblyName)
    {
        var received = Assembly.Load(assemblyName).GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n") + "\n";
        var approvedPath = Path.Combine(RepoRoot.Path, "tests", "PublicApi.Tests", "approved", assemblyName + ".approved.txt");
        var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;
        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("ACCEPT_PUBLIC_API") == "1")
        {
            File.WriteAllText(approvedPath, received);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"""
            The public API of {assemblyName} changed ('-' approved, '+' now):
            {LineDiff.Describe(approved, received)}
            If the change is meant, accept it: ACCEPT_PUBLIC_API=1 dotnet test tests/PublicApi.Tests
            (or cp {receivedPath} {approvedPath}) and commit the approved file.
            """);
    }
}
