using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.ContractTests.Client;

/// <summary>
/// The consumer: a small typed client for the entity operations of the Web API, as a frontend or an integration
/// calls them. It reads entities, updates them with JSON Patch or JSON Merge Patch, and replaces relations, with
/// optional <c>If-Unmodified-Since</c> and <c>$select</c>.
/// </summary>
public sealed class SuperOfficeClient(HttpClient http, string authorization = SuperOfficeClient.DefaultAuthorization)
{
    /// <summary>The Basic credentials of the reference pages' samples.</summary>
    public const string DefaultAuthorization = "Basic dGplMDpUamUw";

    public const string JsonPatchMediaType = "application/json-patch+json";
    public const string MergePatchMediaType = "application/merge-patch+json";

    public Task<ApiResult> GetAsync(string resource, int id, string? select = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, resource, id, body: null, mediaType: null, new UpdateOptions { Select = select }, cancellationToken);

    /// <summary>Applies a JSON Patch (RFC 6902) document.</summary>
    public Task<ApiResult> PatchAsync(string resource, int id, IEnumerable<PatchOperation> operations, UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, resource, id, new JsonArray([.. operations.Select(o => (JsonNode)o.ToJson())]), JsonPatchMediaType, options, cancellationToken);

    /// <summary>Applies a JSON Merge Patch (RFC 7396) document.</summary>
    public Task<ApiResult> MergePatchAsync(string resource, int id, JsonObject changes, UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, resource, id, changes, MergePatchMediaType, options, cancellationToken);

    /// <summary>Replaces an entity (PUT); a null entity sends the JSON literal <c>null</c>.</summary>
    public Task<ApiResult> PutAsync(string resource, int id, JsonNode? entity, UpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, resource, id, entity ?? JsonValue.Create((string?)null), "application/json", options, cancellationToken, sendNull: entity is null);

    private async Task<ApiResult> SendAsync(HttpMethod method, string resource, int id, JsonNode? body, string? mediaType, UpdateOptions? options, CancellationToken cancellationToken, bool sendNull = false)
    {
        var path = $"api/v1/{resource}/{id.ToString(CultureInfo.InvariantCulture)}";
        if (options?.Select is { Length: > 0 } select)
        {
            path += "?$select=" + Uri.EscapeDataString(select);
        }

        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options?.IfUnmodifiedSince is { } stamp)
        {
            request.Headers.IfUnmodifiedSince = stamp;
        }

        if (mediaType is not null && (body is not null || sendNull))
        {
            var text = sendNull ? "null" : body!.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResult(response.StatusCode, response.ReasonPhrase, content.Length == 0 ? null : JsonNode.Parse(content));
    }
}
