using System.Net.Http.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>LOG-CONTENT 1: a certificate that cannot be loaded is a Failures record; FTP goes on in clear text.</summary>
public sealed class BrokenCertificateTests(BrokenCertificateTests.Factory service) : IClassFixture<BrokenCertificateTests.Factory>
{
    /// <summary>The real service pointed at a file that is not a certificate.</summary>
    public sealed class Factory : FtpServiceFactory
    {
        private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("cgftp-badcert-").FullName, "broken.pem");

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings
        {
            get
            {
                File.WriteAllText(_file, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
                return [new("Ftp:Tls:CertificatePath", _file)];
            }
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_loaded_is_logged_as_a_failure_and_auth_tls_is_refused()
    {
        await service.CreateFtpAccountAsync("clear", "clear-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort);
        Assert.Equal("504 TLS is not configured", await client.CommandAsync("AUTH TLS"));
        Assert.StartsWith("331", await client.CommandAsync("USER clear"));
        Assert.StartsWith("230", await client.CommandAsync("PASS clear-pass-1"));

        using var admin = await service.CreateAdminClientAsync();
        var log = (await admin.GetFromJsonAsync<List<string>>("/api/log"))!;
        Assert.Contains(log, l => l.Contains(" 1 FTP-000000(server) TLS certificate ") && l.Contains("broken.pem could not be loaded"));
    }
}
