using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>The Domains page creates and edits a domain; the API holds what the page showed. Also the narrow-window view.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminDomainsPageTests(AspireAppFixture fixture)
{
    [Fact]
    public async Task A_domain_created_and_edited_on_the_page_is_stored_as_shown()
    {
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        var name = $"e2e-{Guid.NewGuid():N}"[..12] + ".example";
        await browser.OpenAsync("/domains", "#new-domain");

        await page.ClickAsync("#new-domain");
        await page.Locator("input[data-testid=domain-name]").FillAsync(name);
        await page.Locator("input[data-testid=domain-size]").FillAsync("10M");
        await page.Locator("input[data-testid=domain-size]").PressAsync("Tab"); // the field takes its value on change
        await page.ClickAsync("#domain-save");
        var row = page.Locator($"#domains tr:has(td[data-domain='{name}'])");
        await Assertions.Expect(row.Locator("td[data-size]")).ToHaveTextAsync("10 MiB");

        await page.Locator($"button[aria-label='Edit {name}']").ClickAsync();
        await page.Locator("input[data-testid=domain-size]").FillAsync("20M");
        await page.Locator("input[data-testid=domain-size]").PressAsync("Tab");
        await page.Locator("[data-testid=domain-enabled] input, input[data-testid=domain-enabled]").First.ClickAsync();
        await page.ClickAsync("#domain-save");
        await Assertions.Expect(row.Locator("td[data-size]")).ToHaveTextAsync("20 MiB");
        await Assertions.Expect(row.Locator("td[data-enabled]")).ToHaveTextAsync("no");

        using var api = await ManagementClient.CreateAsync(fixture);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/domains/{name}");
        Assert.Equal("20971520", stored.GetProperty("defaultStorageSizeLimit").GetString());
        Assert.False(stored.GetProperty("enabled").GetBoolean());

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync($"Groups of {name}");
        // The picture: the main domain and its groups, without the messages over the page.
        await page.Locator("#domains tr:has(.mud-chip) td[data-domain]").ClickAsync();
        await Assertions.Expect(page.Locator("#groups")).Not.ToContainTextAsync(name);
        await browser.DismissMessagesAsync();
        await browser.ScreenshotAsync("domains");
    }

    [Fact]
    public async Task Pages_fit_a_narrow_window()
    {
        await using var browser = await AdminBrowser.SignInAsync(fixture, width: 420, height: 800);
        var page = browser.Page;
        foreach (var (path, ready) in new[] { ("/accounts", "#new-account"), ("/settings", "#settings-save") })
        {
            await browser.OpenAsync(path, ready);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than the window");
        }
        await browser.ScreenshotAsync("settings-narrow");
    }
}
