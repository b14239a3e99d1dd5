using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>The management API over real HTTP, against a real PostgreSQL database.</summary>
public sealed class ManagementApiTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Token_is_issued_to_postmaster_with_or_without_domain_and_refused_otherwise()
    {
        var client = service.CreateClient();
        foreach (var name in new[] { "postmaster", $"postmaster@{FtpServiceFactory.MainDomain}", $"POSTMASTER%{FtpServiceFactory.MainDomain}" })
        {
            var ok = await client.PostAsJsonAsync("/api/auth/token", new { username = name, password = FtpServiceFactory.AdminPassword });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.False(string.IsNullOrEmpty((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
        }
        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { username = "postmaster", password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_refuses_callers_without_an_administrator_token()
    {
        var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/accounts")).StatusCode);

        var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/accounts", new { name = "plainuser", domain = FtpServiceFactory.MainDomain, password = "plain-pass-1" })).EnsureSuccessStatusCode();
        var refused = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "plainuser", password = "plain-pass-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Account_lifecycle_create_read_update_delete_never_returns_the_password()
    {
        var admin = await service.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            name = "Carol", domain = FtpServiceFactory.MainDomain, password = "carol-pass-1",
            enabledServices = new[] { "ftp", "IMAP" }, storageSizeLimit = "10M", storageFilesLimit = "unlimited",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("carol-pass-1", body);
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        var account = JsonDocument.Parse(body).RootElement;
        Assert.Equal("carol", account.GetProperty("name").GetString());
        Assert.Equal(["IMAP", "FTP"], account.GetProperty("enabledServices").EnumerateArray().Select(e => e.GetString()).Order().Reverse());
        Assert.Equal("10485760", account.GetProperty("storageSizeLimit").GetString());

        var path = $"/api/accounts/{FtpServiceFactory.MainDomain}/carol";
        var updated = await admin.PutAsJsonAsync(path, new { storageSizeLimit = "default", enabledServices = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("default", read.GetProperty("storageSizeLimit").GetString());
        Assert.Empty(read.GetProperty("enabledServices").EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Invalid_account_requests_get_validation_problems_and_write_nothing()
    {
        var admin = await service.CreateAdminClientAsync();
        var bad = await admin.PostAsJsonAsync("/api/accounts", new
        {
            name = "../evil", domain = FtpServiceFactory.MainDomain, password = "short", enabledServices = new[] { "Teleport" }, storageSizeLimit = "lots",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "password", "enabledServices", "storageSizeLimit" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/accounts");
        Assert.DoesNotContain(accounts.EnumerateArray(), a => a.GetProperty("name").GetString()!.Contains("evil"));

        var noDomain = await admin.PostAsJsonAsync("/api/accounts", new { name = "dave", domain = "missing.example", password = "dave-pass-1" });
        Assert.Equal(HttpStatusCode.NotFound, noDomain.StatusCode);
    }

    [Fact]
    public async Task Duplicate_account_conflicts_and_the_last_administrator_cannot_be_deleted()
    {
        var admin = await service.CreateAdminClientAsync();
        var request = new { name = "erin", domain = FtpServiceFactory.MainDomain, password = "erin-pass-1" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/accounts", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/postmaster")).StatusCode);
    }

    [Fact]
    public async Task Domains_can_be_listed_and_created_once()
    {
        var admin = await service.CreateAdminClientAsync();
        var domains = await admin.GetFromJsonAsync<JsonElement>("/api/domains");
        Assert.Contains(domains.EnumerateArray(), d => d.GetProperty("name").GetString() == FtpServiceFactory.MainDomain && d.GetProperty("isMain").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/domains", new { name = "Second.Example" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/domains", new { name = "second.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/domains", new { name = "bad domain" })).StatusCode);
    }

    [Fact]
    public async Task Openapi_document_describes_the_api()
    {
        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/accounts/{domain}/{name}", out _));
    }

    [Fact]
    public async Task Live_sessions_are_listed_and_an_administrator_can_disconnect_one()
    {
        var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/accounts", new { name = "watched", domain = FtpServiceFactory.MainDomain, password = "watched-pass-1" })).EnsureSuccessStatusCode();
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "watched", "watched-pass-1");
        Assert.StartsWith("257", await client.CommandAsync("MKD sub"));
        Assert.StartsWith("250", await client.CommandAsync("CWD sub"));

        var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
        var mine = sessions.EnumerateArray().Single(s => s.GetProperty("account").GetString() == $"watched@{FtpServiceFactory.MainDomain}");
        Assert.Equal("/sub", mine.GetProperty("currentDirectory").GetString());
        Assert.Equal("LoggedIn", mine.GetProperty("state").GetString());
        Assert.StartsWith("[127.0.0.1]:", mine.GetProperty("client").GetString());

        var id = mine.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.DeleteAsync($"/api/sessions/{id}")).StatusCode);
        Assert.StartsWith("421", await client.ReadReplyAsync());
        Assert.Null(await client.ReadReplyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/sessions/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.CreateClient().GetAsync("/api/sessions")).StatusCode);
    }
}
