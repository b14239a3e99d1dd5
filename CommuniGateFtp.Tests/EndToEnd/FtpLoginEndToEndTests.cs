using System.Net;
using System.Net.Http.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>The started system: an account created through the API logs in over FTP with curl and ftplib.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FtpLoginEndToEndTests(AspireAppFixture fixture)
{
    [Fact]
    public async Task Postmaster_gets_past_login_with_curl_on_the_ftp_endpoint()
    {
        fixture.RequireStarted();
        var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        var curl = await FtpClients.CurlAsync(fixture.FtpPort, $"postmaster@{domain}", AspireAppFixture.AdminPassword);
        Assert.Contains("< 230 User postmaster logged in", curl.Stderr);
    }

    [Fact]
    public async Task Account_created_through_the_api_logs_in_with_curl_and_ftplib()
    {
        fixture.RequireStarted();
        var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        var created = await api.PostAsJsonAsync("/api/accounts", new { name = "ivan", domain, password = "ivan-pass-1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var curl = await FtpClients.CurlAsync(fixture.FtpPort, $"ivan@{domain}", "ivan-pass-1");
        Assert.Contains("< 230 User ivan logged in", curl.Stderr);
        Assert.StartsWith("230", await FtpClients.FtplibLoginAsync(fixture.FtpPort, "ivan", "ivan-pass-1"));
        Assert.StartsWith("ERROR 530", await FtpClients.FtplibLoginAsync(fixture.FtpPort, "ivan", "not-his-password"));
    }
}
