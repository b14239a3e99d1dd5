using Aspire.Hosting.Testing;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>A real browser (Debian's Chromium through Playwright) logs into the WebAdmin and creates an account.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminAccountsPageTests(AspireAppFixture fixture)
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    [Fact]
    public async Task Administrator_logs_in_creates_an_account_and_that_account_logs_in_over_ftp()
    {
        fixture.RequireStarted();
        var chromium = RequiredTool.Find("chromium", "/usr/bin/chromium");
        var adminUrl = fixture.App.GetEndpoint("admin", "http").ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        // Two cores run the whole suite at once: give the Blazor circuit time, the assertions still have to come true.
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);

        // Not logged in: the dashboard sends us to the login form, which refuses a wrong password.
        await page.GotoAsync(adminUrl + "/accounts");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.FillAsync("#username", "postmaster");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#login-error")).ToBeVisibleAsync();

        await page.FillAsync("#username", "postmaster");
        await page.FillAsync("#password", AspireAppFixture.AdminPassword);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("postmaster");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts$"));
        await Assertions.Expect(page.Locator("#accounts td[data-account^='postmaster@']")).ToBeVisibleAsync();

        await Assertions.Expect(page.Locator("#new-account")).ToBeEnabledAsync(); // enabled once the circuit is live
        await page.ClickAsync("#new-account");
        await page.Locator("[data-testid=account-name] input, input[data-testid=account-name]").First.FillAsync("webuser");
        await page.Locator("[data-testid=account-password] input, input[data-testid=account-password]").First.FillAsync("webuser-pass-1");
        await page.Locator("input[data-testid=account-size]").FillAsync("10M");
        await page.Locator("input[data-testid=account-size]").PressAsync("Tab"); // the field takes its value on change
        await page.ClickAsync("#account-save");

        var row = page.Locator("#accounts td[data-account^='webuser@']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#accounts tr:has(td[data-account^='webuser@'])")).ToContainTextAsync("0 B of 10 MiB");
        var address = await row.GetAttributeAsync("data-account");
        await page.Locator(".mud-snackbar button").First.ClickAsync(); // the picture shows the page, not the message over it
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = AdminBrowser.ScreenshotPath("accounts") });

        Assert.StartsWith("230", await FtpClients.FtplibLoginAsync(fixture.FtpPort, address!, "webuser-pass-1"));
    }
}
