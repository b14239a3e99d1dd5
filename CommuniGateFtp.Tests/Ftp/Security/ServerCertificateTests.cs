using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommuniGateFtp.Tests.Ftp.Security;

public sealed class ServerCertificateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cgftp-cert-").FullName;

    private static X509Certificate2 Create(string subject, RSA key) =>
        new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

    private void WritePem(string subject, DateTime stamp)
    {
        using var key = RSA.Create(2048);
        using var certificate = Create(subject, key);
        File.WriteAllText(Path.Combine(_directory, "c.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "k.pem"), key.ExportPkcs8PrivateKeyPem());
        File.SetLastWriteTimeUtc(Path.Combine(_directory, "c.pem"), stamp);
        File.SetLastWriteTimeUtc(Path.Combine(_directory, "k.pem"), stamp);
    }

    [Fact]
    public void Pem_certificate_is_reloaded_when_its_files_change()
    {
        var options = new FtpOptions { Tls = { CertificatePath = Path.Combine(_directory, "c.pem"), KeyPath = Path.Combine(_directory, "k.pem") } };
        var server = new ServerCertificate(new FixedOptionsMonitor<FtpOptions>(options), NullLogger<ServerCertificate>.Instance);
        WritePem("CN=first", DateTime.UtcNow.AddMinutes(-10));
        Assert.Equal("CN=first", server.Current!.Subject);
        Assert.True(server.Current.HasPrivateKey);

        WritePem("CN=renewed", DateTime.UtcNow);
        Assert.Equal("CN=renewed", server.Current!.Subject);
    }

    [Fact]
    public void Pfx_with_password_loads_and_a_missing_file_means_no_tls()
    {
        using var key = RSA.Create(2048);
        using var certificate = Create("CN=pfx", key);
        var pfx = Path.Combine(_directory, "server.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "secret"));
        var loaded = new ServerCertificate(new FixedOptionsMonitor<FtpOptions>(new FtpOptions { Tls = { CertificatePath = pfx, Password = "secret" } }), NullLogger<ServerCertificate>.Instance);
        Assert.Equal("CN=pfx", loaded.Current!.Subject);

        var missing = new ServerCertificate(new FixedOptionsMonitor<FtpOptions>(new FtpOptions { Tls = { CertificatePath = Path.Combine(_directory, "none.pem") } }), NullLogger<ServerCertificate>.Instance);
        Assert.Null(missing.Current);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
