using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// Flow 8: a Domain administrator signs in to the WebAdmin on the same page, sees only its Domain's accounts and no
/// server pages (its Overview shows its Domain's sessions), and the API answers it 403 for another Domain.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdminDomainAdministratorTests(AspireAppFixture fixture)
{
    private const string Password = "Domain-Admin-Pass-1";

    [Fact]
    public async Task A_domain_administrator_sees_only_its_domain_and_gets_403_from_the_api_for_another()
    {
        fixture.RequireStarted();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (mine, other) = ($"da-{suffix}.example", $"db-{suffix}.example");
        using (var admin = await ManagementClient.CreateAsync(fixture))
        {
            foreach (var domain in new[] { mine, other })
            {
                (await admin.PostAsJsonAsync("/api/domains", new { name = domain })).EnsureSuccessStatusCode();
            }
            foreach (var (name, domain, isDomainAdministrator) in new[] { ("boss", mine, true), ("ann", mine, false), ("zed", other, false) })
            {
                (await admin.PostAsJsonAsync("/api/accounts", new { name, domain, password = Password, isDomainAdministrator })).EnsureSuccessStatusCode();
            }
        }

        await using var browser = await AdminBrowser.SignInAsync(fixture, username: $"boss@{mine}", password: Password);
        var page = browser.Page;
        await Assertions.Expect(page.Locator("#signed-in-role")).ToHaveTextAsync("domain administrator");
        await Assertions.Expect(page.Locator("#nav-settings")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#nav-log")).ToHaveCountAsync(0);

        // Its Overview: its Domain's figures, no server figures and no refusal message.
        await browser.OpenAsync("/", "#domain-overview");
        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("#session-total")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#overview-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#cluster-nodes")).ToHaveCountAsync(0);

        await browser.OpenAsync("/accounts", "#new-account");
        var accounts = page.Locator("#accounts td[data-account]");
        await Assertions.Expect(accounts).ToHaveCountAsync(2);
        Assert.Equal([$"ann@{mine}", $"boss@{mine}"], (await accounts.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.account)")).Order());
        await browser.ScreenshotAsync("accounts-domain-administrator");

        await browser.OpenAsync("/domains", "#domains");
        await Assertions.Expect(page.Locator("#domains td[data-domain]")).ToHaveTextAsync(mine);
        await Assertions.Expect(page.Locator("#new-domain")).ToHaveCountAsync(0);
        await page.GotoAsync(browser.BaseUrl + "/settings");
        await Assertions.Expect(page.Locator("#not-allowed")).ToBeVisibleAsync();

        using var boss = await ManagementClient.CreateAsync(fixture, $"boss@{mine}", Password);
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync($"/api/accounts/{mine}/ann")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/accounts/{other}/zed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/domains/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync("/api/settings/ftp")).StatusCode);
    }
}
