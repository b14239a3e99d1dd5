using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>The Settings page changes the running server: Channels and the Listener table, as an FTP client sees them.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminSettingsPageTests(AspireAppFixture fixture)
{
    private const string Channels = "input[data-setting=channels]";

    [Fact]
    public async Task Channels_set_to_1_refuses_a_second_client_with_421_set_to_0_frees_the_port_and_set_back_serves_it()
    {
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await browser.OpenAsync("/settings", "#settings-save");
        await browser.ScreenshotAsync("settings");

        await SaveChannelsAsync(browser, "1");
        try
        {
            await using (var first = await RawFtpClient.ConnectAsync(fixture.FtpPort))
            {
                Assert.StartsWith("421", await RawFtpClient.RefusalAsync(fixture.FtpPort));
            }

            // Channels 0: the server takes no connection at all, so its listening sockets are closed (SET-CHANNELS).
            await SaveChannelsAsync(browser, "0");
            await Eventually.HoldsAsync(() =>
            {
                Assert.True(TestPorts.IsFree(fixture.FtpPort), $"port {fixture.FtpPort} is still bound at Channels 0");
                return Task.CompletedTask;
            });
        }
        finally
        {
            await SaveChannelsAsync(browser, "20");
        }
        await using var again = await RawFtpClient.ConnectAsync(fixture.FtpPort);
        await Assertions.Expect(page.Locator(Channels)).ToHaveValueAsync("20");
    }

    [Fact]
    public async Task A_secure_socket_added_in_the_Listener_table_serves_implicit_TLS()
    {
        var curl = RequiredTool.Find("curl");
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await browser.OpenAsync("/settings", "#settings-save");
        var port = TestPostgres.FreePort();
        var rows = page.Locator("#listener-table tbody tr");
        var before = await rows.CountAsync();

        await page.ClickAsync("#listener-add");
        var row = page.Locator($"#listener-table tr[data-row='{before}']");
        await row.Locator("input[data-field=port]").FillAsync(port.ToString());
        await row.Locator("input[data-field=port]").PressAsync("Tab");
        await row.Locator("input[type=checkbox]").ClickAsync();
        await Assertions.Expect(row.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await page.ClickAsync("#settings-save");
        await browser.ExpectMessageAsync("Settings saved");

        try
        {
            var listing = await ProcessRunner.RunAsync(curl,
                ["-sS", "-k", "--max-time", "20", "--user", $"postmaster:{AspireAppFixture.AdminPassword}", $"ftps://127.0.0.1:{port}/"]);
            Assert.True(listing.ExitCode == 0, listing.ToString());
        }
        finally
        {
            await page.Locator($"button[aria-label='Remove socket {port}']").ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(before);
            await page.ClickAsync("#settings-save");
            await browser.ExpectMessageAsync("Settings saved");
        }
    }

    private static async Task SaveChannelsAsync(AdminBrowser browser, string value)
    {
        var field = browser.Page.Locator(Channels);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        await browser.Page.ClickAsync("#settings-save");
        await browser.ExpectMessageAsync("Settings saved");
        await browser.DismissMessagesAsync(); // the next save's message must be its own
    }
}
