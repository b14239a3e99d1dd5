using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>NET-DOMAINIP and SES-NAME: an unqualified name belongs to the Domain owning the address the client dialled.</summary>
public sealed class DomainAddressTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Unqualified_names_resolve_in_the_domain_that_owns_the_local_address()
    {
        using var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/domains", new { name = "owned.example", localIps = new[] { "127.0.0.2" } })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/accounts", new { name = "local", domain = "owned.example", password = "owned-pass-1" })).EnsureSuccessStatusCode();

        var owned = await CurlAsync("127.0.0.2", "local");
        Assert.True(owned.ExitCode == 0, owned.Stderr);
        Assert.Contains("< 230", owned.Stderr);
        var main = await CurlAsync("127.0.0.1", "local"); // 127.0.0.1 belongs to no Domain: the Main Domain has no "local"
        Assert.Contains("< 530 Login incorrect", main.Stderr);
        var qualified = await CurlAsync("127.0.0.1", "local@owned.example");
        Assert.True(qualified.ExitCode == 0, qualified.Stderr);

        // One address, one Domain; and the API says who owns what.
        var clash = await admin.PostAsJsonAsync("/api/domains", new { name = "clash.example", localIps = new[] { "127.0.0.2" } });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PutAsJsonAsync("/api/domains/owned.example", new { localIps = new[] { "not-an-ip" } })).StatusCode);
        var domains = await admin.GetFromJsonAsync<JsonElement>("/api/domains");
        var ownedDomain = domains.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "owned.example");
        Assert.Equal("127.0.0.2", Assert.Single(ownedDomain.GetProperty("localIps").EnumerateArray()).GetString());
    }

    private Task<ProcessOutput> CurlAsync(string host, string user) =>
        ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-v", "--user", $"{user}:owned-pass-1", $"ftp://{host}:{service.FtpPort}/"]);
}
