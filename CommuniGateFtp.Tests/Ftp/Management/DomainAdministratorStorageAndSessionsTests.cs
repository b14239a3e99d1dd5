using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Tests.Infrastructure;
using static CommuniGateFtp.Tests.Ftp.Management.DomainAdministratorService;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// A Domain administrator on the rights, files, sessions and transfers of its Domain's accounts, with real FTP clients:
/// no way out through ACL grantees, <c>~account@domain/</c> paths, or another Domain's session ids.
/// </summary>
public sealed class DomainAdministratorStorageAndSessionsTests(DomainAdministratorService service)
    : IClassFixture<DomainAdministratorService>, IAsyncLifetime
{
    private static readonly string AliceAcl = $"/api/accounts/{Hosted}/alice/acl?path=/docs";

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(service.AccountRoot(Hosted, "alice"), "docs"));
        Directory.CreateDirectory(service.AccountRoot(Other, "carol"));
        File.WriteAllText(Path.Combine(service.AccountRoot(Hosted, "alice"), "docs", "a.txt"), "alice's");
        File.WriteAllText(Path.Combine(service.AccountRoot(Other, "carol"), "c.txt"), "carol's");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Acl_grantees_inside_its_domain_are_granted_and_outside_ones_only_kept_or_narrowed()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        using var admin = await service.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await boss.PutAsJsonAsync(AliceAcl, Acl(("bob", "lr"), ("anyone@", "l"), ($"anyone@{Hosted}", "l"), ("#team", "l")))).StatusCode);
        foreach (var outside in new[] { "anyone", $"carol@{Other}", $"anyone@{Other}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await boss.PutAsJsonAsync(AliceAcl, Acl(("bob", "lr"), (outside, "r")))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(AliceAcl, Acl(("anyone", "l")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PutAsJsonAsync(AliceAcl, Acl(("anyone", "l"), ("bob", "r")))).StatusCode); // kept
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.PutAsJsonAsync(AliceAcl, Acl(("anyone", "lr")))).StatusCode);     // widened
        Assert.Equal(HttpStatusCode.OK, (await boss.PutAsJsonAsync(AliceAcl, Acl(("bob", "r")))).StatusCode);                // removed
        var entries = (await admin.GetFromJsonAsync<AclResponse>(AliceAcl))!.Entries;
        Assert.Equal(["bob"], entries.Select(e => e.Grantee));
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/accounts/{Other}/carol/acl?path=/c.txt")).StatusCode);
    }

    [Fact]
    public async Task The_explainer_explains_accounts_of_its_domain_only()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var explain = $"/api/accounts/{Hosted}/alice/acl/explain?path=/docs&who=";
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync(explain + "bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync(explain + $"carol@{Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync(explain + $"nobody@{Other}")).StatusCode);
    }

    [Fact]
    public async Task Files_of_its_accounts_are_listed_and_account_references_never_leave_the_account()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        var files = $"/api/accounts/{Hosted}/alice/files?path=";
        Assert.Contains((await boss.GetFromJsonAsync<FileListResponse>(files + "/docs"))!.Entries, e => e.Name == "a.txt");
        foreach (var escape in new[] { $"~carol@{Other}/", $"/~carol@{Other}/", "~carol/", "/../../" + Other + "/carol", "~bob/" })
        {
            var response = await boss.GetAsync(files + Uri.EscapeDataString(escape));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{escape}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("c.txt", body, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await boss.GetAsync($"/api/accounts/{Other}/carol/files?path=/")).StatusCode);
    }

    [Fact]
    public async Task Sessions_and_transfers_of_other_domains_are_invisible_and_out_of_reach()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        using var admin = await service.CreateAdminClientAsync();
        await using var alice = await RawFtpClient.ConnectAsync(service.FtpPort, $"alice@{Hosted}", Password);
        await using var carol = await RawFtpClient.ConnectAsync(service.FtpPort, $"carol@{Other}", Password);
        await using var anonymous = await RawFtpClient.ConnectAsync(service.FtpPort);
        var carolDownload = await Curl($"carol@{Other}", "c.txt");
        Assert.True(carolDownload.ExitCode == 0, carolDownload.ToString());
        var aliceDownload = await Curl($"alice@{Hosted}", "docs/a.txt");
        Assert.True(aliceDownload.ExitCode == 0, aliceDownload.ToString());

        var all = (await admin.GetFromJsonAsync<List<SessionResponse>>("/api/sessions"))!;
        var carolId = all.Single(s => s.Account == $"carol@{Other}").Id;
        var aliceId = all.Single(s => s.Account == $"alice@{Hosted}").Id;
        var mine = (await boss.GetFromJsonAsync<List<SessionResponse>>("/api/sessions"))!;
        Assert.Equal([$"alice@{Hosted}"], mine.Select(s => s.Account).Distinct());
        await Eventually.HoldsAsync(async () =>
        {
            var transfers = (await boss.GetFromJsonAsync<List<FinishedTransferResponse>>("/api/transfers/recent"))!;
            Assert.Contains(transfers, t => t.Account == $"alice@{Hosted}");
            Assert.All(transfers, t => Assert.EndsWith("@" + Hosted, t.Account));
        });

        using (var stream = await EventStreamReader.OpenAsync(boss, "/api/sessions/stream"))
        {
            var snapshot = (await stream.NextAsync(TimeSpan.FromSeconds(5)))!.Json.Deserialize<SessionsSnapshot>(JsonSerializerOptions.Web)!;
            Assert.Equal([aliceId], snapshot.Sessions.Select(s => s.Id));
            Assert.DoesNotContain(snapshot.RecentTransfers, t => t.Account == $"carol@{Other}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await boss.GetAsync($"/api/sessions/{carolId}/log/stream", HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boss.DeleteAsync($"/api/sessions/{carolId}")).StatusCode);
        Assert.Equal("257", (await carol.CommandAsync("PWD"))[..3]); // still connected
        Assert.Equal(HttpStatusCode.Accepted, (await boss.DeleteAsync($"/api/sessions/{aliceId}")).StatusCode);
    }

    [Fact]
    public async Task The_sessions_feed_opens_a_session_when_it_logs_in_to_its_domain_and_never_shows_another_domain()
    {
        using var boss = await service.CreateDomainAdminClientAsync();
        await using var alice = await RawFtpClient.ConnectAsync(service.FtpPort);
        using var stream = await EventStreamReader.OpenAsync(boss, "/api/sessions/stream");
        var snapshot = (await stream.NextAsync(TimeSpan.FromSeconds(5)))!.Json.Deserialize<SessionsSnapshot>(JsonSerializerOptions.Web)!;
        Assert.DoesNotContain(snapshot.Sessions, s => s.Account is null); // not logged in: nobody's Domain yet

        await using (var carol = await RawFtpClient.ConnectAsync(service.FtpPort, $"carol@{Other}", Password))
        {
            Assert.StartsWith("257", await carol.CommandAsync("PWD"));
        }
        Assert.StartsWith("331", await alice.CommandAsync($"USER alice@{Hosted}"));
        Assert.StartsWith("230", await alice.CommandAsync($"PASS {Password}"));
        var opened = await stream.UntilAsync(e => e.Name == "opened", TimeSpan.FromSeconds(10));
        Assert.Equal($"alice@{Hosted}", opened.Json.GetProperty("account").GetString());
        Assert.StartsWith("221", await alice.CommandAsync("QUIT"));
        var closed = await stream.UntilAsync(e => e.Name == "closed", TimeSpan.FromSeconds(10));
        Assert.Equal(opened.Json.GetProperty("id").GetInt64(), closed.Json.GetProperty("id").GetInt64());
        Assert.DoesNotContain("carol", stream.Raw, StringComparison.Ordinal);
    }

    private Task<ProcessOutput> Curl(string user, string file) => ProcessRunner.RunAsync(RequiredTool.Find("curl"),
        ["-sS", "--max-time", "20", "--user", $"{user}:{Password}", "-o", "/dev/null", $"ftp://127.0.0.1:{service.FtpPort}/{file}"]);

    private static AclRequest Acl(params (string Grantee, string Rights)[] entries) =>
        new([.. entries.Select(e => new AclEntryDto(e.Grantee, e.Rights))]);
}
