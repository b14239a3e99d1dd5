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

        // FTPS out of the box: the AppHost made a development certificate.
        var secure = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "-v", "-k", "--ssl-reqd", "--max-time", "20", "--user", $"postmaster@{domain}:{AspireAppFixture.AdminPassword}", $"ftp://127.0.0.1:{fixture.FtpPort}/"]);
        Assert.True(secure.ExitCode == 0, secure.ToString());
        Assert.Contains("< 234", secure.Stderr);
        Assert.Contains("< 230 User postmaster logged in", secure.Stderr);
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

    [Fact]
    public async Task Upload_lands_in_the_account_storage_and_downloads_byte_exact()
    {
        fixture.RequireStarted();
        var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        (await api.PostAsJsonAsync("/api/accounts", new { name = "judy", domain, password = "judy-pass-1" })).EnsureSuccessStatusCode();
        var work = Directory.CreateTempSubdirectory("cgftp-e2e-files-").FullName;
        try
        {
            var original = TestFiles.Write(Path.Combine(work, "up.bin"), 1_234_567);
            var curl = RequiredTool.Find("curl");
            var url = $"ftp://127.0.0.1:{fixture.FtpPort}/docs/up.bin";
            var up = await ProcessRunner.RunAsync(curl, ["-sS", "--user", "judy:judy-pass-1", "--ftp-create-dirs", "-T", original, url]);
            Assert.True(up.ExitCode == 0, up.ToString());
            Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(fixture.StorageRoot, domain, "judy", "docs", "up.bin")));
            var down = await ProcessRunner.RunAsync(curl, ["-sS", "--user", "judy:judy-pass-1", "-o", Path.Combine(work, "down.bin"), url]);
            Assert.True(down.ExitCode == 0, down.ToString());
            Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(work, "down.bin")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
