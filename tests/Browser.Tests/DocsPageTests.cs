using ContractHarness.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractHarness.Browser.Tests;

/// <summary>/__admin/docs in Chromium: swagger-ui from the bundled files, on the mock's own document, under the page's Content-Security-Policy.</summary>
public sealed class DocsPageTests(BrowserFixture fixture) : BrowserTestBase<BrowserFixture>(fixture)
{
    [Fact]
    public async Task Docs_ShowTheFiveUpdateOperations_WithoutAnyPolicyViolation()
    {
        var problems = WatchForProblems(Page);

        await Page.GotoAsync(Fixture.MockUrl + "/__admin/docs");
        await Expect(Page.Locator(".opblock")).ToHaveCountAsync(10);

        var operations = await Page.Locator(".opblock-summary").EvaluateAllAsync<string[]>(
            "blocks => blocks.map(b => b.querySelector('.opblock-summary-method').textContent + ' ' + b.querySelector('.opblock-summary-path').getAttribute('data-path'))");
        operations.Should().Contain([
            "PATCH /api/v1/Contact/{id}", "PATCH /api/v1/Document/{id}", "PATCH /api/v1/Project/{id}", "PUT /api/v1/Relation/{id}", "PATCH /api/v1/Ticket/{id}"]);
        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task TryItOut_OnGetContact_CallsThisMock_AndShows200()
    {
        var problems = WatchForProblems(Page);
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/docs");
        var operation = Page.Locator("#operations-Contact-v1ContactEntity_GetContactEntity");

        await operation.Locator(".opblock-summary").First.ClickAsync();
        await operation.Locator(".try-out__btn").ClickAsync();
        await operation.Locator("input[placeholder='id']").FillAsync("66");
        await operation.Locator(".execute").ClickAsync();

        await Expect(operation.Locator(".live-responses-table tbody .response-col_status")).ToHaveTextAsync("200");
        await Expect(operation.Locator(".live-responses-table tbody .response-col_description")).ToContainTextAsync("\"ContactId\": 66");
        await Expect(operation.Locator(".request-url")).ToContainTextAsync(Fixture.MockUrl + "/api/v1/Contact/66");
        problems.Should().BeEmpty();
    }

    /// <summary>Console errors and uncaught exceptions of the page (a Content-Security-Policy violation is one).</summary>
    private static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }
}
