using ContractHarness.Contracts.Catalog;
using ContractHarness.Contracts.Validation;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Tests.Support;

/// <summary>The contract files copied next to the test assembly by the mock server's project.</summary>
public static class TestPaths
{
    public static string Contracts { get; } = EndpointCatalog.Locate(null, AppContext.BaseDirectory);

    public static EndpointCatalog Catalog { get; } = EndpointCatalog.Load(Contracts);

    /// <summary>The reference validator (NJsonSchema), independent of the mock's own.</summary>
    public static ContractSchemas Schemas { get; } = new(Path.Combine(Contracts, "schemas"));

    /// <summary>The mock's entity models of the catalog, with the page fixtures.</summary>
    internal static IReadOnlyList<EntityModel> Models { get; } =
        EntityModels.FromCatalog(Catalog, new CompiledSchemas(Path.Combine(Contracts, "schemas")), null);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "contractharness-mock-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
