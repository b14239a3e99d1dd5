using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>Debian's Chromium through Playwright, signed into the WebAdmin (as postmaster unless told), at a given window size.</summary>
public sealed class AdminBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private AdminBrowser(IPlaywright playwright, IBrowser browser, IPage page, string baseUrl) =>
        (_playwright, _browser, Page, BaseUrl) = (playwright, browser, page, baseUrl);

    public IPage Page { get; }

    public string BaseUrl { get; }

    public static async Task<AdminBrowser> SignInAsync(AspireAppFixture fixture, int width = 1280, int height = 800,
        string username = "postmaster", string password = AspireAppFixture.AdminPassword)
    {
        fixture.RequireStarted();
        var chromium = RequiredTool.Find("chromium", "/usr/bin/chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        // Two cores run the whole suite at once: give the Blazor circuit time, the assertions still have to come true.
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var baseUrl = fixture.App.GetEndpoint("admin", "http").ToString().TrimEnd('/');
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(username);
        return new AdminBrowser(playwright, browser, page, baseUrl);
    }

    /// <summary>Opens a page and waits until <paramref name="interactive"/> is enabled: then the circuit is live and clicks count.</summary>
    public async Task OpenAsync(string path, string interactive)
    {
        await Page.GotoAsync(BaseUrl + path);
        await Assertions.Expect(Page.Locator(interactive).First).ToBeEnabledAsync();
    }

    /// <summary>Another tab of the same signed-in browser.</summary>
    public Task<IPage> NewPageAsync() => Page.Context.NewPageAsync();

    /// <summary>Waits for a Snackbar message.</summary>
    public Task ExpectMessageAsync(string text) =>
        Assertions.Expect(Page.Locator(".mud-snackbar", new() { HasTextRegex = new Regex(Regex.Escape(text)) }).First).ToBeVisibleAsync();

    /// <summary>Closes every Snackbar message.</summary>
    public async Task DismissMessagesAsync()
    {
        var messages = Page.Locator(".mud-snackbar");
        for (var i = await messages.CountAsync(); i > 0; i--)
        {
            await messages.First.Locator("button").ClickAsync();
        }
        await Assertions.Expect(messages).ToHaveCountAsync(0);
    }

    /// <summary>Saves what the operator sees as <c>docs/images/{name}.png</c>, shown in README.</summary>
    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new() { Path = ScreenshotPath(name) });

    public static string ScreenshotPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommuniGateFtp.sln")))
        {
            directory = directory.Parent;
        }
        var images = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "docs", "images");
        Directory.CreateDirectory(images);
        return Path.Combine(images, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
