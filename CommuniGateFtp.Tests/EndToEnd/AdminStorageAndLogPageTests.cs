using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>The File Storage page's ACL editor and explainer change what an FTP client may do; the Log page shows it live.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminStorageAndLogPageTests(AspireAppFixture fixture)
{
    private const string BobPassword = "bob-pass-e2e-1";
    private const string AlicePassword = "alice-pass-e2e-1";

    [Fact]
    public async Task Granting_team_read_lets_alice_retrieve_bobs_file_the_explainer_says_why_and_revoking_refuses_it()
    {
        fixture.RequireStarted();
        var domain = await PrepareBobAndAliceAsync();
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;

        // Grant #team lookup and read on bob's /private/team: files created there from now on start with that ACL.
        await browser.OpenAsync($"/storage?account=bob@{domain}&path=/private", "#acl-add");
        await page.Locator("#files tr[data-entry=team]").ClickAsync();
        await Assertions.Expect(page.Locator("#acl-path")).ToHaveTextAsync("/private/team");
        await Assertions.Expect(page.Locator("#acl-add")).ToBeEnabledAsync();
        await page.ClickAsync("#acl-add");
        await page.Locator("#acl-entries input[data-field=grantee]").Last.FillAsync("#team");
        await page.Locator("#acl-entries input[data-field=grantee]").Last.PressAsync("Tab");
        foreach (var right in new[] { "l", "r" })
        {
            await page.Locator($"#acl-entries tbody tr:last-child input[data-right={right}]").ClickAsync();
            await Assertions.Expect(page.Locator($"#acl-entries tbody tr:last-child input[data-right={right}]")).ToBeCheckedAsync();
        }
        await page.ClickAsync("#acl-save");
        await browser.ExpectMessageAsync("ACL of /private/team saved");
        await browser.DismissMessagesAsync();

        await UploadAsync(domain, "/private/team/plan.txt", "the team's plan");
        Assert.Equal("the team's plan", await RetrieveAsAliceAsync("/~bob/private/team/plan.txt"));

        await page.Locator("#files a[data-open=team], #files [data-open=team]").First.ClickAsync();
        await page.Locator("#files tr[data-entry='plan.txt']").ClickAsync();
        await Assertions.Expect(page.Locator("#acl-path")).ToHaveTextAsync("/private/team/plan.txt");
        await page.Locator("#explain-who").FillAsync("alice");
        await page.Locator("#explain-who").PressAsync("Tab");
        await page.ClickAsync("#explain-run");
        await Assertions.Expect(page.Locator("#explain-result")).ToContainTextAsync("lr from the ACL entry #team");
        await browser.ScreenshotAsync("storage");

        await Assertions.Expect(page.Locator("#acl-entries tr[data-grantee='#team']")).ToBeVisibleAsync();
        await page.Locator("button[aria-label='Remove #team']").ClickAsync();
        await page.ClickAsync("#acl-save");
        await browser.ExpectMessageAsync("ACL of /private/team/plan.txt saved");
        Assert.StartsWith("ERROR 550", await RetrieveAsAliceAsync("/~bob/private/team/plan.txt"));
    }

    [Fact]
    public async Task A_failed_FTP_login_appears_in_the_live_log_within_seconds()
    {
        await using var browser = await AdminBrowser.SignInAsync(fixture);
        var page = browser.Page;
        await page.GotoAsync(browser.BaseUrl + "/log");
        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");

        var stranger = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        Assert.StartsWith("ERROR 530", await FtpClients.FtplibLoginAsync(fixture.FtpPort, stranger, "wrong-password"));
        await Assertions.Expect(page.Locator("#log-lines")).ToContainTextAsync($"login {stranger}", new() { Timeout = 5_000 });

        await page.Locator("#log-search").FillAsync(stranger);
        await Assertions.Expect(page.Locator("#log-count")).ToHaveTextAsync(new Regex("^1 of \\d+ records$"));
        await page.Locator("#log-search").FillAsync("");
        await Assertions.Expect(page.Locator("#log-count")).Not.ToHaveTextAsync(new Regex("^1 of"));
        await browser.ScreenshotAsync("log");
    }

    // bob owns /private/team; alice is in bob's Domain's group #team.
    private async Task<string> PrepareBobAndAliceAsync()
    {
        using var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        foreach (var (name, password) in new[] { ("bob", BobPassword), ("alice", AlicePassword) })
        {
            var created = await api.PostAsJsonAsync("/api/accounts", new { name, domain, password });
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
            if (created.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Another test of the collection (GSSAPI) may have made the account first, with its own password.
                (await api.PatchAsJsonAsync($"/api/accounts/{domain}/{name}", new { password })).EnsureSuccessStatusCode();
            }
        }
        (await api.PutAsJsonAsync($"/api/domains/{domain}/groups/team", new { members = new[] { "alice" } })).EnsureSuccessStatusCode();
        Directory.CreateDirectory(Path.Combine(fixture.StorageRoot, domain, "bob", "private", "team"));
        return domain;
    }

    private async Task UploadAsync(string domain, string path, string text)
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, text);
        var upload = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "--max-time", "20", "-T", file, "--user", $"bob@{domain}:{BobPassword}", $"ftp://127.0.0.1:{fixture.FtpPort}{path}"]);
        File.Delete(file);
        Assert.True(upload.ExitCode == 0, upload.ToString());
    }

    // ftplib sends the path as given (curl would CWD through /private, which alice may not look into).
    private async Task<string> RetrieveAsAliceAsync(string path)
    {
        const string script = """
            import ftplib, sys
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
            ftp.login('alice', sys.argv[2])
            chunks = []
            try:
                ftp.retrbinary('RETR ' + sys.argv[3], chunks.append)
                sys.stdout.write(b''.join(chunks).decode())
            except ftplib.all_errors as e:
                sys.stdout.write('ERROR ' + str(e))
            ftp.quit()
            """;
        var output = await ProcessRunner.RunAsync(RequiredTool.Find("python3"), ["-c", script, fixture.FtpPort.ToString(), AlicePassword, path]);
        Assert.True(output.ExitCode == 0, output.ToString());
        return output.Stdout;
    }
}
