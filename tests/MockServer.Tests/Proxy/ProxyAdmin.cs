using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Proxy;

/// <summary>Short helpers of the proxy tests: a request with headers and a body, the journal, the violations summary.</summary>
internal static class ProxyAdmin
{
    public const string CountHeader = "X-Contract-Violations";

    /// <summary>A client that follows no redirect and undoes no content coding: it sees what the proxy sends.</summary>
    public static HttpClient RawClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None, UseCookies = false }) { BaseAddress = baseAddress };

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string? body = null, string? contentType = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await client.SendAsync(request);
    }

    /// <summary>The violations count the answer carries.</summary>
    public static int Count(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(CountHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The journal's entries, newest first.</summary>
    public static async Task<JsonArray> JournalAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/__admin/requests"))!["requests"]!.AsArray();

    /// <summary>The newest journal entry's violations as (side, path) pairs.</summary>
    public static async Task<List<(string Side, string Path)>> LastViolationsAsync(HttpClient client) =>
        [.. (await JournalAsync(client))[0]!["violations"]!.AsArray().Select(v => ((string)v!["side"]!, (string)v["path"]!))];

    public static async Task<JsonObject> SummaryAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/__admin/violations"))!.AsObject();
}
