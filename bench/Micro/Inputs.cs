using System.Text.Json.Nodes;

namespace ContractHarness.Bench.Micro;

/// <summary>The benchmark inputs: the repository's fixtures and schemas, copied next to the binary at build time.</summary>
internal static class Inputs
{
    public static string ContractsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "contracts");

    public static string SchemasDirectory { get; } = Path.Combine(ContractsDirectory, "schemas");

    public static byte[] FixtureBytes(string entity) =>
        File.ReadAllBytes(Path.Combine(ContractsDirectory, "fixtures", entity + ".json"));

    public static JsonObject Fixture(string entity) => JsonNode.Parse(FixtureBytes(entity))!.AsObject();
}
