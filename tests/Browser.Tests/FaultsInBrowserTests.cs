using System.Text.Json.Nodes;
using ContractHarness.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractHarness.Browser.Tests;

/// <summary>
/// Forced answers and fault rules (the admin API's "Fault rules" section) as a page sees them: their error bodies
/// reach the page, and the admin page lists, adds and deletes rules.
/// </summary>
public sealed class FaultsInBrowserTests(BrowserFixture fixture) : BrowserTestBase<BrowserFixture>(fixture)
{
    private const string Contact = "/api/v1/Contact/66";

    [Fact]
    public async Task PreferCode409_ReachesThePage_WithTheErrorBody_AndChangesNothing()
    {
        var before = (await GetEntityAsync(Contact))["Name"]!.GetValue<string>();
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        var answer = await Page.EvaluateAsync<Answer>("""
            async (path) => {
              const response = await fetch(path, {
                method: 'PATCH',
                headers: { 'Content-Type': 'application/json-patch+json', 'Prefer': 'code=409' },
                body: JSON.stringify([{ op: 'replace', path: '/Name', value: 'forced' }])
              });
              return { status: response.status, body: await response.text() };
            }
            """, Contact);

        answer.Status.Should().Be(409);
        var body = JsonNode.Parse(answer.Body)!;
        body["Error"]!.GetValue<bool>().Should().BeTrue();
        body["ErrorType"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        body["ErrorMessage"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        (await GetEntityAsync(Contact))["Name"]!.GetValue<string>().Should().Be(before);
    }

    [Fact]
    public async Task FaultRuleAddedOnThePage_Answers503WithTheErrorBody_ThenExpires()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await AddRuleAsync(status: "503", times: "1");
        await Expect(Page.Locator("#faults tbody tr td.effect")).ToContainTextAsync("status 503");
        await ViewContactAsync();

        await Expect(Page.Locator("#entity-status")).ToContainTextAsync("503");
        await Expect(Page.Locator("#entity-json")).ToContainTextAsync("\"ErrorType\": \"Fault\"");
        await Page.Locator("#entity-get").ClickAsync();
        await Expect(Page.Locator("#entity-status")).ToContainTextAsync("200");
    }

    [Fact]
    public async Task FaultRule_DeletedOnThePage_IsGone()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");
        await AddRuleAsync(status: "500", times: null);
        await Expect(Page.Locator("#faults tbody tr")).ToHaveCountAsync(1);

        await Page.Locator("#faults tbody tr .fault-delete").ClickAsync();

        await Expect(Page.Locator("#faults tbody tr")).ToHaveCountAsync(0);
        var listed = JsonNode.Parse(await Fixture.Client.GetStringAsync("/__admin/faults"))!;
        listed["faults"]!.AsArray().Should().BeEmpty();
        (await GetEntityAsync(Contact)).Should().NotBeNull("without the rule the entity is served again");
    }

    [Fact]
    public async Task InvalidRule_OnThePage_ShowsTheRefusal()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await AddRuleAsync(status: "200", times: null);

        await Expect(Page.Locator("#message")).ToContainTextAsync("400");
        await Expect(Page.Locator("#message")).ToContainTextAsync("status");
        await Expect(Page.Locator("#faults tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AppliedFault_ShowsInTheJournal()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");
        await AddRuleAsync(status: "503", times: "1");
        await Expect(Page.Locator("#faults tbody tr")).ToHaveCountAsync(1);

        await ViewContactAsync();

        var row = Page.Locator("#journal tbody tr").Filter(new() { Has = Page.Locator("td.status", new() { HasTextString = "503" }) }).First;
        await Expect(row.Locator("td.fault")).ToContainTextAsync("status 503");
        await Expect(row.Locator("td.operation")).ToContainTextAsync("GET Contact/{id}");
    }

    private async Task AddRuleAsync(string status, string? times)
    {
        await Page.Locator("#fault-entity").FillAsync("Contact");
        await Page.Locator("#fault-id").FillAsync("66");
        await Page.Locator("#fault-status").FillAsync(status);
        if (times is not null)
        {
            await Page.Locator("#fault-times").FillAsync(times);
        }

        await Page.Locator("#fault-add").ClickAsync();
    }

    private async Task ViewContactAsync()
    {
        await Page.Locator("#entity-route").SelectOptionAsync("/api/v1/Contact/{id}");
        await Page.Locator("#entity-id").FillAsync("66");
        await Page.Locator("#entity-get").ClickAsync();
    }

    private sealed class Answer
    {
        public int Status { get; set; }

        public string Body { get; set; } = string.Empty;
    }
}
