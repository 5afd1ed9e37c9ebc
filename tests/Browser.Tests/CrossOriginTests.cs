using ContractHarness.Browser.Tests.Support;

namespace ContractHarness.Browser.Tests;

/// <summary>What a real browser lets a page on another origin do with the mock: CORS as Chromium enforces it.</summary>
public sealed class CrossOriginTests(RequireAuthBrowserFixture fixture) : BrowserTestBase<RequireAuthBrowserFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";

    /// <summary>A PATCH with Authorization and a JSON Patch body: Chromium sends a preflight first.</summary>
    private const string PatchScript = """
        async ([url, name]) => {
          try {
            const response = await fetch(url, {
              method: 'PATCH',
              headers: { 'Content-Type': 'application/json-patch+json', 'Authorization': 'Bearer from-the-page' },
              body: JSON.stringify([{ op: 'replace', path: '/Name', value: name }])
            });
            const body = await response.json();
            return { outcome: 'answered', status: response.status, name: body.Name, etag: response.headers.get('ETag') };
          } catch (error) {
            return { outcome: 'rejected', status: 0, name: String(error), etag: null };
          }
        }
        """;

    [Fact]
    public async Task PageOnLocalhost_PatchesAnEntityCrossOrigin_WithAuthorization_AndReadsTheAnswer()
    {
        await Page.GotoAsync(Fixture.AllowedPage);

        var result = await Page.EvaluateAsync<FetchResult>(PatchScript, new[] { Fixture.MockUrl + Contact, "Patched from localhost" });

        result.Outcome.Should().Be("answered", result.Name);
        result.Status.Should().Be(200);
        result.Name.Should().Be("Patched from localhost");
        result.Etag.Should().NotBeNullOrEmpty("the mock exposes ETag to allowed pages");
        (await GetEntityAsync(Contact))["Name"]!.GetValue<string>().Should().Be("Patched from localhost");
    }

    [Fact]
    public async Task PageOnAForeignOrigin_IsBlocked_AndTheEntityIsUnchanged()
    {
        var before = (await GetEntityAsync(Contact))["Name"]!.GetValue<string>();
        await Page.GotoAsync(Fixture.ForeignPage);

        var result = await Page.EvaluateAsync<FetchResult>(PatchScript, new[] { Fixture.MockUrl + Contact, "Patched from afar" });

        result.Outcome.Should().Be("rejected", "the preflight of a foreign origin is refused, so the browser never sends the PATCH");
        (await GetEntityAsync(Contact))["Name"]!.GetValue<string>().Should().Be(before);
    }

    [Fact]
    public async Task PageOnAForeignOrigin_CannotReadAnEntity()
    {
        await Page.GotoAsync(Fixture.ForeignPage);

        var outcome = await Page.EvaluateAsync<string>("""
            async (url) => {
              try { await (await fetch(url)).text(); return 'read'; } catch { return 'rejected'; }
            }
            """, Fixture.MockUrl + Contact);

        outcome.Should().Be("rejected");
    }

    private sealed class FetchResult
    {
        public string Outcome { get; set; } = string.Empty;

        public int Status { get; set; }

        public string? Name { get; set; }

        public string? Etag { get; set; }
    }
}
