using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// FTPS out of the box for local runs: the certificate from <c>Ftp:Tls:CertificatePath</c> (and <c>KeyPath</c>) when
/// given, else a self-signed one for localhost created on the first run in <c>.data/tls</c> and reused. Publish mode
/// passes nothing: production certificates come from the deployment's own settings.
/// </summary>
public static class DevelopmentCertificateExtensions
{
    public static IResourceBuilder<ProjectResource> WithFtpsCertificate(this IResourceBuilder<ProjectResource> ftp)
    {
        var builder = ftp.ApplicationBuilder;
        var configured = builder.Configuration["Ftp:Tls:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ftp.WithEnvironment("Ftp__Tls__CertificatePath", Path.GetFullPath(configured, builder.AppHostDirectory));
            if (builder.Configuration["Ftp:Tls:KeyPath"] is { Length: > 0 } key)
            {
                ftp.WithEnvironment("Ftp__Tls__KeyPath", Path.GetFullPath(key, builder.AppHostDirectory));
            }
            return ftp;
        }
        if (!builder.ExecutionContext.IsRunMode)
        {
            return ftp;
        }
        var directory = Path.Combine(builder.AppHostDirectory, ".data", "tls");
        var (certificate, privateKey) = (Path.Combine(directory, "ftp-dev.crt"), Path.Combine(directory, "ftp-dev.key"));
        if (!File.Exists(certificate) || !File.Exists(privateKey))
        {
            Directory.CreateDirectory(directory);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost, O=CommuniGateFtp development", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
            File.WriteAllText(certificate, created.ExportCertificatePem());
            File.WriteAllText(privateKey, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(privateKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            Console.WriteLine($"Created a self-signed FTPS development certificate in {directory}");
        }
        return ftp.WithEnvironment("Ftp__Tls__CertificatePath", certificate).WithEnvironment("Ftp__Tls__KeyPath", privateKey);
    }
}
