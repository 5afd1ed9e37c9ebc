using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Support;

/// <summary>Base of the HTTP tests: resets the mock before each test and offers short request helpers.</summary>
public abstract class MockServerTestBase<TFixture> : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : MockServerFixture
{
    protected MockServerTestBase(TFixture fixture) => Fixture = fixture;

    protected TFixture Fixture { get; }

    protected HttpClient Client => Fixture.Client;

    protected FakeTimeProvider Clock => Fixture.Clock;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, path, null, null, headers);

    protected Task<HttpResponseMessage> PatchAsync(string path, string json, string contentType = "application/json-patch+json", params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Patch, path, json, contentType, headers);

    protected Task<HttpResponseMessage> PutAsync(string path, string? json, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, path, json, contentType, headers);

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? contentType, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await Client.SendAsync(request);
    }

    /// <summary>GETs an entity and returns it, asserting 200.</summary>
    protected async Task<JsonObject> GetEntityAsync(string path)
    {
        using var response = await GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json.ObjectAsync(response);
    }

    /// <summary>The stored bytes of an entity, as GET serves them.</summary>
    protected async Task<string> GetTextAsync(string path)
    {
        using var response = await GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
