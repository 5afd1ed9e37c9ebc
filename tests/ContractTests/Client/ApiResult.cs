using System.Net;
using System.Text.Json.Nodes;

namespace ContractHarness.ContractTests.Client;

/// <summary>What the API answered: status, reason phrase and JSON body (an entity or an error).</summary>
public sealed record ApiResult(HttpStatusCode Status, string? ReasonPhrase, JsonNode? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The error body's message, when the API answered with one.</summary>
    public string? ErrorMessage => Body is JsonObject o && o["Error"]?.GetValue<bool>() == true ? o["ErrorMessage"]?.GetValue<string>() : null;
}

/// <summary>Optional parts of an update request.</summary>
public sealed record UpdateOptions
{
    /// <summary>Refuse the update (412) when the entity changed after this instant.</summary>
    public DateTimeOffset? IfUnmodifiedSince { get; init; }

    /// <summary>Comma-separated fields to answer with (<c>$select</c>); the others come back nulled out.</summary>
    public string? Select { get; init; }
}

/// <summary>One JSON Patch operation.</summary>
public sealed record PatchOperation(string Op, string Path, JsonNode? Value = null)
{
    public static PatchOperation Replace(string path, JsonNode? value) => new("replace", path, value);

    public static PatchOperation Test(string path, JsonNode? value) => new("test", path, value);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["op"] = Op, ["path"] = Path };
        if (Op is not "remove")
        {
            json["value"] = Value?.DeepClone();
        }

        return json;
    }
}
