using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// FS-PATH and the rights rules (FS-WHO, FS-IMPLICIT, FS-ACL, FS-INHERIT) end to end: accounts and ACLs in PostgreSQL,
/// set through the API, exercised by curl and a raw client over real sockets.
/// </summary>
public sealed class AccessRightsTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private const string Password = "rights-pass-1";
    private const string OtherDomain = "other.example";
    private static readonly string Main = FtpServiceFactory.MainDomain;

    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-rights-").FullName;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await service.CreateAdminClientAsync();
        var domain = await _admin.PostAsJsonAsync("/api/domains", new { name = OtherDomain });
        Assert.True(domain.IsSuccessStatusCode || domain.StatusCode == HttpStatusCode.Conflict, await domain.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task AccountAsync(string name, string? domain = null, bool domainAdministrator = false)
    {
        var response = await _admin.PostAsJsonAsync("/api/accounts", new { name, domain = domain ?? Main, password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        if (domainAdministrator)
        {
            (await _admin.PutAsJsonAsync($"/api/accounts/{domain ?? Main}/{name}", new { isDomainAdministrator = true })).EnsureSuccessStatusCode();
        }
    }

    private async Task<ProcessOutput> CurlAsync(string user, params string[] args) =>
        await ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-v", "--user", $"{user}:{Password}", .. args]);

    private string Url(string path) => $"ftp://127.0.0.1:{service.FtpPort}{path}";

    private async Task UploadAsync(string user, string path, string content)
    {
        var local = Path.Combine(_work, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(local, content);
        var upload = await CurlAsync(user, "--ftp-create-dirs", "-T", local, Url(path));
        Assert.True(upload.ExitCode == 0, upload.Stderr);
    }

    private async Task SetAclAsync(string owner, string path, params (string Grantee, string Rights)[] entries)
    {
        var response = await _admin.PutAsJsonAsync($"/api/accounts/{Main}/{owner}/acl?path={Uri.EscapeDataString(path)}",
            new { entries = entries.Select(e => new { grantee = e.Grantee, rights = e.Rights }) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string[]> AclAsync(string owner, string path)
    {
        var acl = await _admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{Main}/{owner}/acl?path={Uri.EscapeDataString(path)}");
        return [.. acl.GetProperty("entries").EnumerateArray().Select(e => $"{e.GetProperty("grantee").GetString()}:{e.GetProperty("rights").GetString()}")];
    }

    private Task<RawFtpClient> LoginAsync(string user) => RawFtpClient.ConnectAsync(service.FtpPort, user, Password);

    [Fact]
    public async Task Other_accounts_are_readable_outside_private_and_closed_inside()
    {
        await AccountAsync("owner1");
        await AccountAsync("reader1");
        await AccountAsync("far1", OtherDomain);
        await UploadAsync("owner1", "/pub/readme.txt", "public words");
        await UploadAsync("owner1", "/private/secret.txt", "secret words");

        // curl walks the path with CWD ~owner1, CWD pub: a relative "~name" argument is an account reference (FS-PATH).
        var read = await CurlAsync("reader1", Url("/~owner1/pub/readme.txt"));
        Assert.Equal("public words", read.Stdout);
        var secret = await CurlAsync("reader1", Url("/~owner1/private/secret.txt"));
        Assert.NotEqual(0, secret.ExitCode);
        Assert.Contains("< 550 Permission denied", secret.Stderr);

        await using var reader = await LoginAsync("reader1");
        Assert.Equal("250 Directory changed to /~owner1", await reader.CommandAsync("CWD ~Owner1"));
        Assert.Equal("257 \"/~owner1\" is current directory", await reader.CommandAsync("PWD"));
        Assert.StartsWith("250", await reader.CommandAsync("CWD pub"));
        Assert.Equal("257 \"/~owner1/pub\" is current directory", await reader.CommandAsync("PWD"));
        Assert.StartsWith("213 12", await reader.CommandAsync("SIZE readme.txt"));
        Assert.Equal("550 Permission denied", await reader.CommandAsync("DELE readme.txt"));
        Assert.Equal("550 Permission denied", await reader.CommandAsync("MKD sub"));
        Assert.Equal("550 Permission denied", await reader.CommandAsync("MFMT 20200101000000 readme.txt"));
        Assert.Equal("550 Permission denied", await reader.CommandAsync("CWD /~owner1/private"));
        Assert.Equal("550 Permission denied", await reader.CommandAsync("MLST /~owner1/private/secret.txt"));
        // Nothing tells an outsider whether an item in private exists.
        Assert.Equal("550 Permission denied", await reader.CommandAsync("SIZE /~owner1/private/nothing-here"));
        Assert.Equal("550 No such file or directory", await reader.CommandAsync("SIZE /~owner1/pub/nothing-here"));
        Assert.Equal("550 No such file or directory", await reader.CommandAsync("CWD ~nobody-at-all"));
        Assert.StartsWith("250", await reader.CommandAsync("CDUP"));
        Assert.StartsWith("250 Directory changed to /", await reader.CommandAsync("CDUP"));
        Assert.Equal("257 \"/\" is current directory", await reader.CommandAsync("PWD"));

        // Another Domain's account sees the reference with the domain.
        await using var far = await LoginAsync($"far1@{OtherDomain}");
        Assert.StartsWith("250", await far.CommandAsync($"CWD /~owner1@{Main}/pub"));
        Assert.Equal($"257 \"/~owner1@{Main}/pub\" is current directory", await far.CommandAsync("PWD"));
        Assert.Equal("550 No such file or directory", await far.CommandAsync("CWD /~owner1/pub")); // no owner1 in other.example
    }

    [Fact]
    public async Task Acl_grants_apply_at_once_are_inherited_by_copy_and_uploads_count_against_the_owner()
    {
        await AccountAsync("owner2");
        await AccountAsync("writer2");
        await UploadAsync("owner2", "/drop/keep.txt", "k");
        var local = Path.Combine(_work, "upload.txt");
        await File.WriteAllTextAsync(local, new string('x', 1000));

        var refused = await CurlAsync("writer2", "-T", local, Url("/~owner2/drop/mine.txt"));
        Assert.Contains("< 550 Permission denied", refused.Stderr);

        await SetAclAsync("owner2", "/drop", ("writer2", "lrwi"));
        var stored = await CurlAsync("writer2", "-T", local, Url("/~owner2/drop/mine.txt"));
        Assert.True(stored.ExitCode == 0, stored.Stderr);
        Assert.True(File.Exists(Path.Combine(service.AccountRoot("owner2"), "drop", "mine.txt")));
        Assert.Equal(1001, await UsageAsync("owner2")); // FS-QUOTA: the owner pays
        Assert.Equal(0, await UsageAsync("writer2"));

        // FS-INHERIT: the new file got a copy of its directory's ACL; later changes to the directory do not propagate.
        Assert.Equal(["writer2:lrwi"], await AclAsync("owner2", "/drop/mine.txt"));
        await SetAclAsync("owner2", "/drop");
        Assert.Equal(["writer2:lrwi"], await AclAsync("owner2", "/drop/mine.txt"));

        await using var writer = await LoginAsync("writer2");
        Assert.Equal("550 Permission denied", await writer.CommandAsync("MKD /~owner2/drop/sub"));
        Assert.StartsWith("213", await writer.CommandAsync("MFMT 20200101000000 /~owner2/drop/mine.txt")); // w on the file itself
        Assert.Equal("550 Permission denied", await writer.CommandAsync("DELE /~owner2/drop/mine.txt")); // d on the directory

        // Renames stay inside one account (553) and take the item's ACL along.
        await SetAclAsync("owner2", "/drop", ("writer2", "lrwid"));
        Assert.StartsWith("350", await writer.CommandAsync("RNFR /~owner2/drop/mine.txt"));
        Assert.StartsWith("553", await writer.CommandAsync("RNTO /mine.txt"));
        Assert.StartsWith("350", await writer.CommandAsync("RNFR /~owner2/drop/mine.txt"));
        Assert.StartsWith("250", await writer.CommandAsync("RNTO /~owner2/drop/renamed.txt"));
        Assert.Equal(["writer2:lrwi"], await AclAsync("owner2", "/drop/renamed.txt"));
        Assert.StartsWith("250", await writer.CommandAsync("DELE /~owner2/drop/renamed.txt"));
        Assert.Equal(1, await UsageAsync("owner2"));
    }

    [Fact]
    public async Task Private_items_open_to_groups_to_anyone_at_and_to_other_domains_only_by_acl()
    {
        await AccountAsync("owner3");
        await AccountAsync("member3");
        await AccountAsync("outsider3");
        await AccountAsync("far3", OtherDomain);
        await UploadAsync("owner3", "/private/plan.txt", "the plan");
        (await _admin.PutAsJsonAsync($"/api/domains/{Main}/groups/team3", new { members = new[] { "member3" } })).EnsureSuccessStatusCode();

        await SetAclAsync("owner3", "/private", ("#team3", "l"));
        await using (var member = await LoginAsync("member3"))
        {
            Assert.StartsWith("250", await member.CommandAsync("CWD /~owner3/private"));
            Assert.Equal("550 Permission denied", await member.CommandAsync("SIZE plan.txt")); // l on the directory, no r on the file
        }
        await using (var outsider = await LoginAsync("outsider3"))
        {
            Assert.Equal("550 Permission denied", await outsider.CommandAsync("CWD /~owner3/private"));
        }

        // Membership is read at every check: a deleted group grants nothing any more.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await _admin.PutAsJsonAsync($"/api/domains/{Main}/groups/team3", new { members = new[] { "member3", "ghost3" } })).StatusCode);
        var team = await _admin.GetFromJsonAsync<JsonElement>($"/api/domains/{Main}/groups/team3");
        Assert.Equal($"member3@{Main}", Assert.Single(team.GetProperty("members").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/domains/{Main}/groups/team3")).StatusCode);
        await using (var member = await LoginAsync("member3"))
        {
            Assert.Equal("550 Permission denied", await member.CommandAsync("CWD /~owner3/private"));
        }

        await SetAclAsync("owner3", "/private/plan.txt", ("anyone@", "r"), ("anyone@" + OtherDomain, "r"));
        Assert.Equal("the plan", await ReadAsync("outsider3", "/~owner3/private/plan.txt"));
        Assert.Equal("the plan", await ReadAsync($"far3@{OtherDomain}", $"/~owner3@{Main}/private/plan.txt"));

        await SetAclAsync("owner3", "/private/plan.txt", ("anyone@", "r"));
        var far = await CurlAsync($"far3@{OtherDomain}", "--ftp-method", "nocwd", Url($"/~owner3@{Main}/private/plan.txt"));
        Assert.Contains("< 550 Permission denied", far.Stderr);
    }

    [Fact]
    public async Task Owners_and_administrators_have_every_right_and_explain_says_why()
    {
        await AccountAsync("owner4");
        await AccountAsync("deputy4", domainAdministrator: true);
        await AccountAsync("foreignadmin4", OtherDomain, domainAdministrator: true);
        await AccountAsync("peer4");
        await UploadAsync("owner4", "/private/a.txt", "a");
        await UploadAsync("owner4", "/private/b.txt", "b");
        await SetAclAsync("owner4", "/private/b.txt", ("#nobody4", "w"), ("peer4", "rw"));

        await using (var deputy = await LoginAsync("deputy4"))
        {
            Assert.StartsWith("250", await deputy.CommandAsync("DELE /~owner4/private/a.txt"));
        }
        await using (var foreignAdmin = await LoginAsync($"foreignadmin4@{OtherDomain}"))
        {
            Assert.Equal("550 Permission denied", await foreignAdmin.CommandAsync($"DELE /~owner4@{Main}/private/b.txt"));
        }
        await using (var postmaster = await RawFtpClient.ConnectAsync(service.FtpPort, "postmaster", FtpServiceFactory.AdminPassword))
        {
            Assert.StartsWith("213", await postmaster.CommandAsync("MFMT 20200101000000 /~owner4/private/b.txt"));
        }

        var peer = await ExplainAsync("owner4", "/private/b.txt", "peer4");
        Assert.Equal("rw", peer.GetProperty("rights").GetString());
        var rule = Assert.Single(peer.GetProperty("rules").EnumerateArray());
        Assert.Equal(("acl", "peer4", "rw"), (rule.GetProperty("source").GetString(), rule.GetProperty("grantee").GetString(), rule.GetProperty("rights").GetString()));

        var outside = await ExplainAsync("owner4", "/docs/x", "peer4");
        Assert.Equal("lr", outside.GetProperty("rights").GetString());
        Assert.Equal("implicit", Assert.Single(outside.GetProperty("rules").EnumerateArray()).GetProperty("source").GetString());

        Assert.Equal("owner", (await ExplainAsync("owner4", "/private", "owner4")).GetProperty("rules")[0].GetProperty("source").GetString());
        Assert.Equal("domain administrator", (await ExplainAsync("owner4", "/private", "deputy4")).GetProperty("rules")[0].GetProperty("source").GetString());
        Assert.Equal("server administrator", (await ExplainAsync("owner4", "/private", "postmaster")).GetProperty("rules")[0].GetProperty("source").GetString());
        Assert.Equal("", (await ExplainAsync("owner4", "/private", $"foreignadmin4@{OtherDomain}")).GetProperty("rights").GetString());
    }

    [Fact]
    public async Task Acl_api_refuses_bad_grantees_rights_and_paths()
    {
        await AccountAsync("owner5");
        await UploadAsync("owner5", "/f.txt", "f");
        var url = $"/api/accounts/{Main}/owner5/acl?path=/f.txt";
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PutAsJsonAsync(url, new { entries = new[] { new { grantee = "bad grantee", rights = "r" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PutAsJsonAsync(url, new { entries = new[] { new { grantee = "anyone", rights = "rx" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await _admin.PutAsJsonAsync($"/api/accounts/{Main}/owner5/acl?path=/missing", new { entries = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync($"/api/accounts/{Main}/owner5/acl?path=/~x/f.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/accounts/{Main}/nobody5/acl?path=/")).StatusCode);
        Assert.Empty(await AclAsync("owner5", "/f.txt")); // nothing was written by the refused requests

        await SetAclAsync("owner5", "/f.txt", ("Anyone", "R"), ("anyone", "l"));
        Assert.Equal(["anyone:lr"], await AclAsync("owner5", "/f.txt"));
    }

    [Fact]
    public async Task Removing_an_account_removes_its_storage_the_grants_naming_it_and_its_sessions()
    {
        await AccountAsync("owner7");
        await AccountAsync("grantee7");
        await UploadAsync("owner7", "/shared.txt", "s");
        await SetAclAsync("owner7", "/shared.txt", ("grantee7", "r"), ($"grantee7@{Main}", "w"), ("anyone", "l"));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/accounts/{Main}/grantee7")).StatusCode);
        Assert.Equal(["anyone:l"], await AclAsync("owner7", "/shared.txt"));

        await using var open = await LoginAsync("owner7");
        Assert.True(Directory.Exists(service.AccountRoot("owner7")));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/accounts/{Main}/owner7")).StatusCode);
        Assert.False(Directory.Exists(service.AccountRoot("owner7")));
        Assert.StartsWith("421", await open.ReadReplyAsync());
    }

    // nocwd: RETR with the whole path, since r on a file does not give l on its directory (so no CWD into it).
    [Fact]
    public async Task Anonymous_sessions_only_look_and_read_outside_private_when_allowed()
    {
        await AccountAsync("owner6");
        await UploadAsync("owner6", "/pub/hello.txt", "hello");
        await UploadAsync("owner6", "/private/p.txt", "p");
        await SetAclAsync("owner6", "/private/p.txt", ("anyone", "rw"));
        var anonymousRead = () => ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-v", Url("/~owner6/pub/hello.txt")]); // curl's default: anonymous

        Assert.Contains("< 530", (await anonymousRead()).Stderr);
        (await _admin.PatchAsJsonAsync("/api/settings/ftp", new { allowAnonymous = true, loginFailureDelay = "00:00:00.05" })).EnsureSuccessStatusCode();
        try
        {
            Assert.Equal("hello", (await anonymousRead()).Stdout);
            await using var guest = await RawFtpClient.ConnectAsync(service.FtpPort, "ftp", "guest@example.org");
            Assert.Equal("257 \"/\" is current directory", await guest.CommandAsync("PWD"));
            Assert.Equal("550 Permission denied", await guest.CommandAsync("MKD /mine"));
            Assert.Equal("550 Permission denied", await guest.CommandAsync("DELE /~owner6/pub/hello.txt"));
            Assert.Equal("550 Permission denied", await guest.CommandAsync("SIZE /~owner6/private/p.txt")); // "anyone" means authenticated accounts
            Assert.Equal("550 Permission denied", await guest.CommandAsync("MFMT 20200101000000 /~owner6/pub/hello.txt"));
            Assert.StartsWith("213 5", await guest.CommandAsync("SIZE /~owner6/pub/hello.txt"));
            var upload = await ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-v", "-T", Path.Combine(service.AccountRoot("owner6"), "pub", "hello.txt"),
                Url("/~owner6/pub/copy.txt")]);
            Assert.Contains("< 550 Permission denied", upload.Stderr);
        }
        finally
        {
            (await _admin.PatchAsJsonAsync("/api/settings/ftp", new { loginFailureDelay = "00:00:00.05" })).EnsureSuccessStatusCode();
        }
    }

    private async Task<string> ReadAsync(string user, string path)
    {
        var read = await CurlAsync(user, "--ftp-method", "nocwd", Url(path));
        Assert.True(read.ExitCode == 0, read.Stderr);
        return read.Stdout;
    }

    private async Task<JsonElement> ExplainAsync(string owner, string path, string who) =>
        await _admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{Main}/{owner}/acl/explain?path={Uri.EscapeDataString(path)}&who={who}");

    private async Task<long> UsageAsync(string name) =>
        (await _admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{Main}/{name}")).GetProperty("storageBytesUsed").GetInt64();
}
