using ContractHarness.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractHarness.Browser.Tests;

/// <summary>The admin page (/__admin/) in Chromium: live journal, entity viewer, reset, and a mock without fault rules.</summary>
public sealed class AdminPageTests(BrowserFixture fixture) : BrowserTestBase<BrowserFixture>(fixture)
{
    [Fact]
    public async Task Journal_ShowsARequestJustMade_AndKeepsUpWithNewOnes()
    {
        await PatchAsync("/api/v1/Contact/7", """{"Department":"Before the page"}""");

        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");
        await Expect(JournalRow("PATCH", "/api/v1/Contact/7")).ToContainTextAsync("200");

        await PatchAsync("/api/v1/Ticket/9", """{"Title":"While the page is open"}""");
        await Expect(JournalRow("PATCH", "/api/v1/Ticket/9")).ToContainTextAsync("200");
    }

    [Fact]
    public async Task Journal_ShowsTheSessionOfARequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/Contact/12") { Headers = { { "X-Mock-Session", "browser-worker-3" } } };
        using var response = await Fixture.Client.SendAsync(request);

        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Expect(JournalRow("GET", "/api/v1/Contact/12").Locator("td.session")).ToHaveTextAsync("browser-worker-3");
    }

    [Fact]
    public async Task AdminWithoutTheSlash_ForABrowser_IsThePageToo()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("ContractHarness mock");
    }

    [Fact]
    public async Task EntityViewer_GetsTheChosenRouteAndId_AndShowsItsJson()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Page.Locator("#entity-route").SelectOptionAsync("/api/v1/Project/{id}");
        await Page.Locator("#entity-id").FillAsync("905");
        await Page.Locator("#entity-get").ClickAsync();

        await Expect(Page.Locator("#entity-status")).ToContainTextAsync("200");
        await Expect(Page.Locator("#entity-json")).ToContainTextAsync("\"ProjectId\": 905");
    }

    [Fact]
    public async Task EntityViewer_ShowsAnErrorAnswer()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Page.Locator("#entity-id").FillAsync("2000000");
        await Page.Locator("#entity-get").ClickAsync();

        await Expect(Page.Locator("#entity-status")).ToContainTextAsync("404");
        await Expect(Page.Locator("#entity-json")).ToContainTextAsync("\"ErrorType\": \"SoNotFoundException\"");
    }

    [Fact]
    public async Task Reset_PutsTheSeedBack()
    {
        var seeded = (await GetEntityAsync("/api/v1/Contact/66"))["Name"]!.GetValue<string>();
        await PatchAsync("/api/v1/Contact/66", """{"Name":"Changed before the reset"}""");
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Page.Locator("#reset").ClickAsync();

        await Expect(Page.Locator("#message")).ToContainTextAsync("Reset to the seed");
        (await GetEntityAsync("/api/v1/Contact/66"))["Name"]!.GetValue<string>().Should().Be(seeded);
    }

    [Fact]
    public async Task FaultRules_OnAMockWithoutThem_SayWhy()
    {
        // A mock built before fault rules answers 404 there; this mock is made to look like one.
        await Page.RouteAsync("**/__admin/faults", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 404,
            ContentType = "application/json",
            Body = """{"Error":true,"ErrorType":"SoNotFoundException","ErrorMessage":"No operation is mocked at '/__admin/faults'.","ErrorSource":"x"}""",
        }));

        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Expect(Page.Locator("#faults-message")).ToContainTextAsync("answered 404");
        await Expect(Page.Locator("#fault-form")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task FaultRules_AreReadAgainOnlyWhenARequestArrived_SoThePageDoesNotFillTheJournal()
    {
        var faultReads = 0;
        var journalReads = 0;
        await Page.RouteAsync("**/__admin/faults", route =>
        {
            Interlocked.Increment(ref faultReads);
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = """{"faults":[]}""" });
        });
        Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/__admin/requests", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref journalReads);
            }
        };

        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");
        await Until(() => Volatile.Read(ref journalReads) >= 3);
        Volatile.Read(ref faultReads).Should().Be(1, "nothing arrived since the page read the rules");

        await PatchAsync("/api/v1/Contact/5", """{"Department":"A rule may apply now"}""");
        await Until(() => Volatile.Read(ref faultReads) == 2);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            waited.Should().BeLessThan(10_000, "the page polls every second");
            await Task.Delay(50);
        }
    }

    private ILocator JournalRow(string method, string path) =>
        Page.Locator("#journal tbody tr")
            .Filter(new() { Has = Page.Locator("td.method", new() { HasTextString = method }) })
            .Filter(new() { Has = Page.Locator("td.path", new() { HasTextString = path }) }).First;
}

/// <summary>With --admin-token the page opens, asks for the token, and then sends it from script.</summary>
public sealed class AdminPageTokenTests(AdminTokenBrowserFixture fixture) : BrowserTestBase<AdminTokenBrowserFixture>(fixture)
{
    [Fact]
    public async Task Page_AsksForTheToken_AndWithItShowsTheJournalAndResets()
    {
        await PatchAsync("/api/v1/Contact/8", """{"Department":"Seen with the token"}""");
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Expect(Page.Locator("#token-section")).ToBeVisibleAsync();
        await Expect(Page.Locator("#message")).ToContainTextAsync("--admin-token");
        await Expect(Page.Locator("#journal tbody tr")).ToHaveCountAsync(0);

        await Page.Locator("#token").FillAsync(AdminTokenBrowserFixture.Token);
        await Page.Locator("#token-save").ClickAsync();

        await Expect(Page.Locator("#journal tbody tr td.path", new() { HasTextString = "/api/v1/Contact/8" }).First).ToBeVisibleAsync();
        await Page.Locator("#reset").ClickAsync();
        await Expect(Page.Locator("#message")).ToContainTextAsync("Reset to the seed");
        (await GetEntityAsync("/api/v1/Contact/8"))["Department"]!.GetValue<string>().Should().NotBe("Seen with the token");
    }

    [Fact]
    public async Task Page_WithAWrongToken_StillShowsNothing()
    {
        await Page.GotoAsync(Fixture.MockUrl + "/__admin/");

        await Page.Locator("#token").FillAsync("not-the-token");
        await Page.Locator("#token-save").ClickAsync();

        await Expect(Page.Locator("#message")).ToContainTextAsync("--admin-token");
        await Expect(Page.Locator("#token-section")).ToBeVisibleAsync();
        await Expect(Page.Locator("#journal tbody tr")).ToHaveCountAsync(0);
    }
}
