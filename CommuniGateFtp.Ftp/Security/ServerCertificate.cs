using System.Security.Cryptography.X509Certificates;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Security;

/// <summary>
/// The server certificate from settings (PEM cert + key, or PFX). Reloaded when the files change, so a renewed
/// certificate applies to the next handshake without a restart.
/// </summary>
public sealed class ServerCertificate(IOptionsMonitor<FtpOptions> options, ILogger<ServerCertificate> logger, Telemetry.FtpLogBook? log = null)
{
    private readonly Lock _gate = new();
    private (string? Path, DateTime Stamp, X509Certificate2? Certificate) _loaded;

    /// <summary>The certificate, or null when none is configured or it cannot be loaded (logged).</summary>
    public X509Certificate2? Current
    {
        get
        {
            var tls = options.CurrentValue.Tls;
            if (string.IsNullOrWhiteSpace(tls.CertificatePath))
            {
                return null;
            }
            var stamp = Stamp(tls);
            lock (_gate)
            {
                if (_loaded.Path != tls.CertificatePath || _loaded.Stamp != stamp)
                {
                    _loaded = (tls.CertificatePath, stamp, Load(tls));
                }
                return _loaded.Certificate;
            }
        }
    }

    private X509Certificate2? Load(TlsOptions tls)
    {
        try
        {
            var path = tls.CertificatePath!;
            var certificate = path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password)
                : X509Certificate2.CreateFromPemFile(path, string.IsNullOrWhiteSpace(tls.KeyPath) ? null : tls.KeyPath);
            // A PEM key lives in an ephemeral key set, which SslStream cannot use on every platform: re-import it.
            var usable = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            logger.LogInformation("TLS certificate loaded: {Subject}, valid until {NotAfter:u}", usable.Subject, usable.NotAfter);
            return usable;
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            logger.LogCritical(ex, "TLS certificate {Path} could not be loaded: AUTH TLS is unavailable", tls.CertificatePath);
            log?.WriteServer(Telemetry.CgpLogLevel.Failures, $"TLS certificate {tls.CertificatePath} could not be loaded: {ex.Message}");
            return null;
        }
    }

    private static DateTime Stamp(TlsOptions tls) =>
        new[] { tls.CertificatePath, tls.KeyPath }.Where(p => !string.IsNullOrWhiteSpace(p) && File.Exists(p))
            .Select(p => File.GetLastWriteTimeUtc(p!)).DefaultIfEmpty().Max();
}
