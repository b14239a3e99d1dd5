using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CommuniGateFtp.Tests.Ftp.Management;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// The live pages against the real system: a slow curl download appears on Sessions with a moving progress bar and is
/// disconnected from there; a session's protocol view shows its commands with PASS masked; the pages ride out a
/// restart of the Ftp service. Screenshots of Sessions, the protocol view, Transfers and the Overview come from here.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminLivePagesTests(AspireAppFixture fixture)
{
    private const string Password = "watched-pass-e2e-1";
    private const int FileSize = 64 * 1024 * 1024;

    [Fact]
    public async Task A_slow_download_shows_live_with_a_moving_progress_bar_and_Disconnect_ends_it_with_421()
    {
        var account = await PrepareAccountAsync();
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await OpenLiveAsync(page, browser.BaseUrl + "/sessions");

        // curl without the size (--ignore-content-length) reads the control reply after the cut, so it shows the 421.
        var curl = LiveSessions.SlowDownloadAsync(fixture.FtpPort, account, Password, "big.bin", "1M", sizeUnknown: true);
        using var api = await ManagementClient.CreateAsync(fixture);
        await Eventually.HoldsAsync(async () =>
            Assert.Contains((await api.GetFromJsonAsync<List<Contracts.SessionResponse>>("/api/sessions"))!, s => s.Account == account && s.Transfer is not null));
        var shown = Stopwatch.StartNew();

        // The session and its download appear within 2 s of the server having them, without a reload.
        var row = page.Locator($"#sessions tr:has([data-account='{account}'])");
        var progress = row.Locator(".transfer-progress");
        await Assertions.Expect(progress).ToBeVisibleAsync(new() { Timeout = 2_000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"Sessions page showed the download {shown.ElapsedMilliseconds} ms after the API listed it");
        var bytes = await progress.GetAttributeAsync("data-bytes");
        await Assertions.Expect(progress).Not.ToHaveAttributeAsync("data-bytes", bytes!, new() { Timeout = 10_000 });
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-percent", new Regex("^[0-9]+$"));
        await browser.ScreenshotAsync("sessions");
        await ScreenshotOtherPagesAsync(browser);
        await FollowTheAccountsPageChipAsync(browser, account);

        var id = await row.Locator("[data-session]").GetAttributeAsync("data-session");
        // The row re-renders with every progress tick; a click that met a render in between opens nothing, so it is
        // repeated until the confirmation shows (once it shows, it is not clicked again).
        var dialog = page.Locator(".mud-dialog");
        await Eventually.HoldsAsync(async () =>
        {
            if (!await dialog.IsVisibleAsync())
            {
                await page.Locator($"button[aria-label='Disconnect session {id}']").ClickAsync();
            }
            await Assertions.Expect(dialog).ToContainTextAsync("The client gets 421", new() { Timeout = 3_000 });
        });
        await page.Locator(".mud-dialog button", new() { HasText = "Disconnect" }).ClickAsync();
        // First: the message shows for a few seconds only, and curl may take longer than that to give up on a loaded machine.
        await browser.ExpectMessageAsync($"Session #{id} disconnected");

        var output = await curl;
        Assert.NotEqual(0, output.ExitCode);
        Assert.True(output.Stderr.Contains("< 421"), output.ToString());
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await OpenLiveAsync(page, browser.BaseUrl + "/transfers");
        await Assertions.Expect(page.Locator("#recent-transfers tr", new() { HasText = account }).First).ToContainTextAsync("426 aborted or cut");
    }

    [Fact]
    public async Task The_protocol_view_shows_the_commands_a_client_sends_with_PASS_masked()
    {
        var account = await PrepareAccountAsync();
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await using var client = await RawFtpClient.ConnectAsync(fixture.FtpPort);
        using var api = await ManagementClient.CreateAsync(fixture);
        var id = (await LiveSessions.FindAsync(api, client.LocalPort)).GetProperty("id").GetInt64();

        await OpenLiveAsync(page, browser.BaseUrl + "/sessions");
        await page.Locator($"button[aria-label='Protocol view of session {id}']").ClickAsync();
        var lines = page.Locator("#protocol-lines");
        await Assertions.Expect(page.Locator("#session-panel #live-state")).ToHaveAttributeAsync("data-state", "live");

        Assert.StartsWith("331", await client.CommandAsync($"USER {account}"));
        Assert.StartsWith("230", await client.CommandAsync($"PASS {Password}"));
        Assert.StartsWith("257", await client.CommandAsync("PWD"));

        await Assertions.Expect(lines).ToContainTextAsync($"→ USER {account}");
        await Assertions.Expect(lines).ToContainTextAsync("→ PASS ***");
        await Assertions.Expect(lines).ToContainTextAsync("← 230");
        await Assertions.Expect(lines).ToContainTextAsync("→ PWD");
        await Assertions.Expect(lines).Not.ToContainTextAsync(Password);
        await Assertions.Expect(page.Locator("#session-panel")).ToContainTextAsync(account); // the record follows the login
        await browser.ScreenshotAsync("session-panel");

        await client.CommandAsync("QUIT");
        await Assertions.Expect(page.Locator("#session-ended")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sessions_page_shows_reconnecting_while_the_Ftp_service_restarts_then_live_data_again()
    {
        var account = await PrepareAccountAsync();
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await OpenLiveAsync(page, browser.BaseUrl + "/sessions");
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var stopped = await commands.ExecuteCommandAsync("ftp", KnownResourceCommands.StopCommand, timeout.Token);
        try
        {
            // What counts is that the service is gone, whatever the command said: after a stop DCP reports "Finished",
            // "Exited" or, seen in the full suite, "Unknown".
            await fixture.App.ResourceNotifications.WaitForResourceAsync("ftp",
                e => e.Snapshot.State?.Text is not (null or "" or "Running" or "Stopping"), timeout.Token).WaitAsync(TimeSpan.FromSeconds(60));
            TestContext.Current.TestOutputHelper?.WriteLine($"ftp stopped (command: {stopped.Success} {stopped.Message})");
            await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "reconnecting");
        }
        finally
        {
            // The other end-to-end tests share the system: it runs again whatever happened above.
            var started = await commands.ExecuteCommandAsync("ftp", KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(started.Success, $"start: {started.Message}");
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("ftp", timeout.Token);
        }

        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
        await using var client = await RawFtpClient.ConnectAsync(fixture.FtpPort, account, Password);
        await Assertions.Expect(page.Locator($"#sessions [data-account='{account}']")).ToBeVisibleAsync();
    }

    private static async Task OpenLiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("#live-state").First).ToHaveAttributeAsync("data-state", "live");
    }

    // While the download runs: the Transfers page with it, the Overview with its traffic, both at 1280×800, and
    // Sessions in a narrow window.
    private static async Task ScreenshotOtherPagesAsync(AdminBrowser browser)
    {
        var baseUrl = browser.BaseUrl;
        var other = await browser.NewPageAsync();
        await OpenLiveAsync(other, baseUrl + "/transfers");
        await Assertions.Expect(other.Locator("#running-transfers .transfer-progress").First).ToBeVisibleAsync();
        await other.ScreenshotAsync(new() { Path = AdminBrowser.ScreenshotPath("transfers") });

        await OpenLiveAsync(other, baseUrl + "/");
        await Assertions.Expect(other.Locator("#top-accounts tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("#listener-states [data-bound='true']").First).ToBeVisibleAsync();
        await Assertions.Expect(other.Locator("#account-count")).Not.ToHaveTextAsync("…");
        // The cluster's nodes: the one node of the AppHost, marked as the node this WebAdmin talks to, its socket bound.
        var self = other.Locator("#cluster-nodes tr[data-self='true']");
        await Assertions.Expect(self).ToHaveCountAsync(1);
        await Assertions.Expect(self.Locator("[data-bound='true']").First).ToBeVisibleAsync();
        await Assertions.Expect(self).ToContainTextAsync("this node");
        await other.ScreenshotAsync(new() { Path = AdminBrowser.ScreenshotPath("overview") });
        await other.Locator("#cluster-nodes").ScreenshotAsync(new() { Path = AdminBrowser.ScreenshotPath("overview-nodes") });

        await other.SetViewportSizeAsync(420, 800);
        await OpenLiveAsync(other, baseUrl + "/sessions");
        await Assertions.Expect(other.Locator("#sessions .transfer-progress").First).ToBeVisibleAsync();
        await other.ScreenshotAsync(new() { Path = AdminBrowser.ScreenshotPath("sessions-narrow") });
        await other.CloseAsync();
    }

    // The Accounts page counts the account's open sessions and leads to them.
    private static async Task FollowTheAccountsPageChipAsync(AdminBrowser browser, string account)
    {
        var other = await browser.NewPageAsync();
        await other.GotoAsync(browser.BaseUrl + "/accounts");
        await Assertions.Expect(other.Locator("#new-account")).ToBeEnabledAsync();
        await other.Locator("#account-search").FillAsync(account.Split('@')[0]);
        var chip = other.Locator($"#accounts tr:has(td[data-account='{account}']) [data-live-sessions]");
        await Assertions.Expect(chip).ToHaveAttributeAsync("data-live-sessions", "1");
        await chip.ClickAsync();
        await Assertions.Expect(other).ToHaveURLAsync(new Regex("/sessions\\?account="));
        await Assertions.Expect(other.Locator("#session-count")).ToHaveTextAsync(new Regex("^1 of \\d+ sessions$"));
        await other.CloseAsync();
    }

    /// <summary>A fresh account per test (its sessions are the test's own) with a file large enough to download slowly.</summary>
    private async Task<string> PrepareAccountAsync()
    {
        fixture.RequireStarted();
        using var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        var name = "live" + Guid.NewGuid().ToString("N")[..6];
        (await api.PostAsJsonAsync("/api/accounts", new { name, domain, password = Password })).EnsureSuccessStatusCode();
        TestFiles.Write(Path.Combine(fixture.StorageRoot, domain, name, "big.bin"), FileSize);
        return $"{name}@{domain}";
    }
}
