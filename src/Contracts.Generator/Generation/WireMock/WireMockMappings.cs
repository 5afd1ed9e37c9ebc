using System.Text.Json.Nodes;
using ContractHarness.Contracts.Catalog;

namespace ContractHarness.Contracts.Generator.WireMock;

/// <summary>
/// The static WireMock mappings <c>make contracts</c> writes: <c>wiremock/</c>, a WireMock 3.x root directory
/// (<c>mappings/*.json</c>), and <c>wiremock/net/</c>, WireMock.Net static mappings. The .NET folder sits inside the
/// Java root because the Java server reads only <c>mappings/</c> and <c>__files/</c> there, so one folder and one
/// README hold both formats, and each loads without the other.
/// </summary>
internal static class WireMockMappings
{
    public const string JavaRoot = "wiremock";
    public const string JavaMappings = "wiremock/mappings";
    public const string NetMappings = "wiremock/net";
    public const string JsonMediaType = "application/json; charset=utf-8";

    /// <summary>The folders these files own (stale files in them are deleted on write).</summary>
    public static readonly string[] OwnedFolders = [JavaMappings, NetMappings];

    /// <summary>Adds the mapping files and the README to <paramref name="files"/>, reading each sample entity from the fixtures already in it.</summary>
    public static void AddTo(IDictionary<string, string> files, EndpointCatalog catalog)
    {
        var rules = new List<StubRule>();
        foreach (var endpoint in catalog.Endpoints.OrderBy(e => e.Resource, StringComparer.Ordinal))
        {
            var fixture = files.TryGetValue(endpoint.Fixture, out var text)
                ? JsonNode.Parse(text)!
                : throw new InvalidDataException($"No generated fixture '{endpoint.Fixture}' for {endpoint.Title}.");
            var own = StubRules.For(endpoint, fixture).ToList();
            files[$"{JavaMappings}/{endpoint.Resource}.json"] = ContractGenerator.Serialize(JavaMappingWriter.File(own));
            files[$"{NetMappings}/{endpoint.Resource}.json"] = ContractGenerator.Serialize(NetMappingWriter.File(own));
            rules.AddRange(own);
        }

        files[$"{JavaRoot}/README.md"] = WireMockReadme.Text(rules);
    }
}
