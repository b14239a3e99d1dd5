using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Contracts;
using static CommuniGateFtp.Tests.Ftp.Management.DomainAdministratorService;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// A Domain administrator through the management API with a real token: its own Domain's accounts, groups and domain
/// record; 403 for other Domains (named in the route, the body or the query) and for what only a server administrator
/// may do.
/// </summary>
public sealed class DomainAdministratorApiTests(DomainAdministratorService service) : IClassFixture<DomainAdministratorService>
{
    [Fact]
    public async Task The_token_route_issues_a_domain_administrator_a_token_that_says_its_role_and_domain()
    {
        using var anonymous = service.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = $"boss%{Hosted}", password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        Assert.Equal(("domain-administrator", Hosted), (token!.Role, token.Domain));
        var plain = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = $"alice@{Hosted}", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
    }

    [Fact]
    public async Task Lists_show_only_its_own_domain_and_a_server_administrator_sees_every_domain()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var accounts = await boss.GetFromJsonAsync<List<AccountResponse>>("/api/accounts");
        Assert.All(accounts!, a => Assert.Equal(Hosted, a.Domain));
        Assert.Contains(accounts!, a => a.Name == "alice");
        var page = await boss.GetFromJsonAsync<AccountPage>("/api/accounts?search=example&take=100");
        Assert.All(page!.Items, a => Assert.Equal(Hosted, a.Domain));
        Assert.Equal([Hosted], (await boss.GetFromJsonAsync<List<DomainResponse>>("/api/domains"))!.Select(d => d.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/accounts?domain={Other}")).StatusCode);

        using var admin = await service.CreateAdminClientAsync();
        var all = await admin.GetFromJsonAsync<List<AccountResponse>>("/api/accounts");
        Assert.Contains(all!, a => a.Domain == Other);
        Assert.Contains(all!, a => a.Domain == Hosted);
    }

    [Fact]
    public async Task Its_domain_is_readable_but_domains_are_created_and_changed_by_server_administrators_only()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync($"/api/domains/{Hosted}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/domains/{Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync("/api/domains/no-such.example")).StatusCode); // no existence probe
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PatchAsJsonAsync($"/api/domains/{Hosted}", new { defaultStorageSizeLimit = "unlimited" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PostAsJsonAsync("/api/domains", new { name = "mine.example" })).StatusCode);
    }

    [Fact]
    public async Task It_creates_changes_resets_and_deletes_accounts_of_its_domain()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var created = await boss.PostAsJsonAsync("/api/accounts", new { name = "temp", domain = Hosted, password = Password, storageSizeLimit = "default" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = $"/api/accounts/{Hosted}/temp";
        Assert.Equal(HttpStatusCode.OK, (await boss.PatchAsJsonAsync(path, new { password = "Another-Pass-2", enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PatchAsJsonAsync(path, new { isDomainAdministrator = true })).StatusCode);
        Assert.True((await boss.GetFromJsonAsync<AccountResponse>(path))!.IsDomainAdministrator);
        Assert.Equal(HttpStatusCode.NoContent, (await boss.DeleteAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Accounts_of_another_domain_are_refused_whether_named_in_the_route_or_in_the_body()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        using var admin = await service.CreateAdminClientAsync();
        var carol = $"/api/accounts/{Other}/carol";
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync(carol)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PatchAsJsonAsync(carol, new { password = "Stolen-Pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.DeleteAsync(carol)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/accounts/{Other}/nobody")).StatusCode);

        var elsewhere = await boss.PostAsJsonAsync("/api/accounts", new { name = "planted", domain = Other, password = Password });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/accounts/{Other}/planted")).StatusCode);

        // A change never moves an account: a body naming another Domain is refused and the account stays where it was.
        var moved = await boss.PutAsJsonAsync($"/api/accounts/{Hosted}/bob", new { name = "bob", domain = Other });
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/accounts/{Hosted}/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/accounts/{Other}/bob")).StatusCode);
    }

    [Fact]
    public async Task It_never_grants_server_administration_nor_touches_a_server_administrator_account()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var promote = await boss.PatchAsJsonAsync($"/api/accounts/{Hosted}/alice", new { isAdministrator = true });
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Contains("server administrator", (await promote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var createAdmin = await boss.PostAsJsonAsync("/api/accounts", new { name = "sneaky", domain = Hosted, password = Password, isAdministrator = true });
        Assert.Equal(HttpStatusCode.Forbidden, createAdmin.StatusCode);
        var self = await boss.PatchAsJsonAsync($"/api/accounts/{Hosted}/boss", new { isAdministrator = true });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);

        var root = $"/api/accounts/{Hosted}/root";
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync(root)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PatchAsJsonAsync(root, new { password = "Taken-Over-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PatchAsJsonAsync(root, new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.DeleteAsync(root)).StatusCode);
        using var anonymous = service.CreateClient();
        var stillRoot = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = $"root@{Hosted}", password = Password });
        Assert.Equal(HttpStatusCode.OK, stillRoot.StatusCode);
    }

    [Fact]
    public async Task Storage_limits_stay_as_the_server_administrator_set_them()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var path = $"/api/accounts/{Hosted}/bob";
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PatchAsJsonAsync(path, new { storageSizeLimit = "unlimited" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await boss.PostAsJsonAsync("/api/accounts", new { name = "roomy", domain = Hosted, password = Password, storageFilesLimit = "1000000" })).StatusCode);
        // The WebAdmin's form sends every member: the values the account has are no change.
        var bob = await boss.GetFromJsonAsync<AccountResponse>(path);
        var same = await boss.PutAsJsonAsync(path, new { storageSizeLimit = bob!.StorageSizeLimit, storageFilesLimit = bob.StorageFilesLimit, isAdministrator = false });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task Groups_of_its_domain_take_members_of_its_domain_only()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var team = $"/api/domains/{Hosted}/groups/team";
        Assert.Equal(HttpStatusCode.OK, (await boss.PutAsJsonAsync(team, new { members = new[] { "alice", $"bob@{Hosted}" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PutAsJsonAsync(team, new { members = new[] { "alice", $"carol@{Other}" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PutAsJsonAsync(team, new { members = new[] { $"nobody%{Other}" } })).StatusCode);
        var members = (await boss.GetFromJsonAsync<JsonElement>(team)).GetProperty("members").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(2, members.Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/domains/{Other}/groups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PutAsJsonAsync($"/api/domains/{Other}/groups/team", new { members = Array.Empty<string>() })).StatusCode);
    }
}
