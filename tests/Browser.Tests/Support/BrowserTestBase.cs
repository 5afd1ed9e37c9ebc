using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ContractHarness.Browser.Tests.Support;

/// <summary>Base of the browser tests: the mock back at its seed before each test, a page of its own, and HTTP helpers to check what the page did.</summary>
public abstract class BrowserTestBase<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : BrowserFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fixture.Mock.Reset();
        Page = await Fixture.NewPageAsync();
    }

    public Task DisposeAsync() => Page.Context.CloseAsync();

    /// <summary>The entity as the mock holds it (asserting 200).</summary>
    protected async Task<JsonObject> GetEntityAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test");
        using var response = await Fixture.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A merge patch sent by a tool, not the browser.</summary>
    protected async Task PatchAsync(string path, string mergePatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(mergePatch, Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test");
        using var response = await Fixture.Client.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }
}
