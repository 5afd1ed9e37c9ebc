using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContractHarness.Contracts.Catalog;

/// <summary>
/// Source-generated metadata of the catalog types, with which the generator writes <c>endpoints.json</c> without
/// reflection (reading goes through <see cref="CatalogReader"/>, cheaper still on a start-up path). Its settings are
/// those of <see cref="EndpointCatalog.JsonOptions"/>, which resolves the catalog types through it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KebabCaseEnumConverter<RequestBodyKind>)])]
[JsonSerializable(typeof(EndpointCatalog))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

/// <summary>Enum values as kebab-case lower strings (<c>Patch</c> → <c>patch</c>), as the catalog writes them.</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;
