using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Tests.Ftp.EndToEnd;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>The Blacklist page live against real failed logins, Lift letting the address in again; the Log page's past days.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminBlacklistAndLogDaysPageTests(AspireAppFixture fixture)
{
    private const string Offender = "127.0.0.2";

    [Fact]
    public async Task Failed_logins_from_an_address_appear_on_the_blacklist_page_live_and_lift_lets_it_log_in_again()
    {
        fixture.RequireStarted();
        using var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        var created = await api.PostAsJsonAsync("/api/accounts", new { name = "lifter", domain, password = "lifter-pass-1" });
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        // Three failures instead of twenty, so the test takes seconds; the default comes back at the end.
        await PatchSettingsAsync(api, """{"tempBlacklistFailures": 3, "loginFailureDelay": "00:00:00.050"}""");
        try
        {
            await using var browser = await AdminBrowser.SignInAsync(fixture);
            var page = browser.Page;
            await page.GotoAsync(browser.BaseUrl + "/blacklist");
            await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
            await Assertions.Expect(page.Locator("#blacklist-rule")).ToContainTextAsync("3 failures");
            await Assertions.Expect(page.Locator("#blacklist-whitehole")).ToContainTextAsync("127.0.0.1");

            var server = new IPEndPoint(IPAddress.Loopback, fixture.FtpPort);
            for (var i = 0; i < 3; i++)
            {
                await TemporaryBlacklistTests.FailLoginAsync(server, Offender);
            }
            Assert.Equal(TemporaryBlacklistTests.Blacklisted, await RawFtpClient.RefusalAsync(fixture.FtpPort, IPAddress.Parse(Offender)));
            var row = page.Locator("#blacklist tr", new() { Has = page.Locator($"td[data-address='{Offender}']") });
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 5_000 }); // live: no reload
            await Assertions.Expect(row).ToContainTextAsync("3"); // failures
            await Assertions.Expect(page.Locator($"td[data-remaining='{Offender}']")).ToContainTextAsync("min");
            await browser.ScreenshotAsync("blacklist");

            await page.Locator($"button[data-lift='{Offender}']").ClickAsync();
            await page.Locator(".mud-dialog button", new() { HasText = "Lift" }).ClickAsync();
            await Assertions.Expect(row).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#blacklist-empty")).ToBeVisibleAsync();

            await using var client = await RawFtpClient.ConnectAsync(server, IPAddress.Parse(Offender), "lifter", "lifter-pass-1");
            Assert.StartsWith("257", await client.CommandAsync("PWD"));
        }
        finally
        {
            await PatchSettingsAsync(api, """{"tempBlacklistFailures": null, "loginFailureDelay": null}""");
            await api.DeleteAsync($"/api/blacklist/temporary/{Offender}");
        }
    }

    [Fact]
    public async Task The_log_page_shows_a_past_days_file_and_its_search_narrows_the_records()
    {
        fixture.RequireStarted();
        using var api = await ManagementClient.CreateAsync(fixture);
        var node = (await api.GetFromJsonAsync<LogDaysResponse>("/api/log/days"))!.Node;
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var marker = "visitor-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Path.Combine(fixture.StorageRoot, ".logs", node);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{yesterday:yyyy-MM-dd}.log"), string.Join('\n',
            "07:58:00.000 2 FTP-000001([192.0.2.10]:40001) login bob ok",
            "07:59:30.000 4 FTP-000001([192.0.2.10]:40001) STOR report.pdf -> 226",
            $"08:00:00.000 2 FTP-000002([192.0.2.11]:40002) login {marker} refused: wrong password",
            "08:00:05.000 3 FTP-000001([192.0.2.10]:40001) 550 /private/missing.txt: not found",
            "") + "\n");

        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await page.GotoAsync(browser.BaseUrl + "/log");
        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
        await page.Locator("div[role=combobox][aria-label=Day]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"{yesterday:yyyy-MM-dd}" }).ClickAsync();

        await Assertions.Expect(page.Locator("#day-count")).ToHaveTextAsync("4 records");
        await Assertions.Expect(page.Locator("#day-lines")).ToContainTextAsync("STOR report.pdf -> 226");
        await page.Locator("#day-search").FillAsync(marker);
        await Assertions.Expect(page.Locator("#day-count")).ToHaveTextAsync("1 record");
        await Assertions.Expect(page.Locator("#day-lines")).ToContainTextAsync($"login {marker} refused");
        await browser.ScreenshotAsync("log-day");
    }

    private static async Task PatchSettingsAsync(HttpClient api, string patch)
    {
        using var body = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json");
        (await api.PatchAsync("/api/settings/ftp", body)).EnsureSuccessStatusCode();
    }
}
