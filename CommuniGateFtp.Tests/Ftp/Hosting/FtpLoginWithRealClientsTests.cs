using System.Net.Http.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Hosting;

/// <summary>curl and Python's ftplib log in against the real service and its PostgreSQL accounts.</summary>
public sealed class FtpLoginWithRealClientsTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private async Task CreateAccountAsync(string name, string password, params string[] services)
    {
        var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/accounts", new { name, domain = FtpServiceFactory.MainDomain, password, enabledServices = services }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Curl_gets_past_login_with_a_qualified_name_and_is_refused_with_a_wrong_password()
    {
        await CreateAccountAsync("frank", "frank-pass-1", "FTP");
        var ok = await FtpClients.CurlAsync(service.FtpPort, $"frank@{FtpServiceFactory.MainDomain}", "frank-pass-1");
        Assert.Contains("< 230 User frank logged in", ok.Stderr);

        var refused = await FtpClients.CurlAsync(service.FtpPort, "frank", "wrong");
        Assert.Equal(67, refused.ExitCode); // CURLE_LOGIN_DENIED
        Assert.Contains("< 530 Login incorrect", refused.Stderr);
    }

    [Fact]
    public async Task Ftplib_logs_in_with_name_percent_domain_and_an_account_without_ftp_gets_the_same_530()
    {
        await CreateAccountAsync("grace", "grace-pass-1", "FTP");
        await CreateAccountAsync("heidi", "heidi-pass-1", "IMAP");

        var ok = await FtpClients.FtplibLoginAsync(service.FtpPort, $"grace%{FtpServiceFactory.MainDomain}", "grace-pass-1");
        Assert.StartsWith("230", ok);
        Assert.Contains("221", ok);

        var noFtp = await FtpClients.FtplibLoginAsync(service.FtpPort, "heidi", "heidi-pass-1");
        var unknown = await FtpClients.FtplibLoginAsync(service.FtpPort, "nobody", "heidi-pass-1");
        Assert.Equal("ERROR 530 Login incorrect", noFtp.Trim());
        Assert.Equal(noFtp, unknown);
    }
}
