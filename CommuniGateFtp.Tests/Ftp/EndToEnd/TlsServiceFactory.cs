using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>The real service with a self-signed certificate, an implicit-TLS port and short handshake limits.</summary>
public sealed class TlsServiceFactory : FtpServiceFactory
{
    private readonly string _certificates = Directory.CreateTempSubdirectory("cgftp-tls-").FullName;

    public int ImplicitPort { get; } = TestPostgres.FreePort();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings
    {
        get
        {
            var (certificate, key) = TestCertificate.WritePem(_certificates);
            return
            [
                new("Ftp:Tls:CertificatePath", certificate),
                new("Ftp:Tls:KeyPath", key),
                new("Ftp:Tls:ImplicitPort", ImplicitPort.ToString()),
            ];
        }
    }

    protected override FtpServerSettings InitialSettings => base.InitialSettings with
    {
        LoginTimeout = TimeSpan.FromSeconds(5),
        DataConnectTimeout = TimeSpan.FromSeconds(3),
        AllowCcc = true,
    };
}
