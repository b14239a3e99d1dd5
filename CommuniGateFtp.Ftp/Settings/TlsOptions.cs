namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// SET-TLS: the server certificate, section <c>Ftp:Tls</c> — a file deployed with each node and reloaded when it
/// changes. The TLS policies (AllowCcc, RequireTlsForLogin) are live settings (<see cref="FtpServerSettings"/>).
/// </summary>
public sealed class TlsOptions
{
    /// <summary>A PEM certificate (chain) file, or a PFX/PKCS#12 file. Empty: no TLS (AUTH answers 504).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key file, when <see cref="CertificatePath"/> is PEM without the key in it.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PFX password, if any.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// TLS-IMPLICIT: a secure socket of the start-up listener (e.g. 990), whose sessions start with the TLS handshake;
    /// 0 = none. Like <see cref="FtpOptions.Port"/>, used while the live settings hold no Listener table.
    /// </summary>
    public int ImplicitPort { get; set; }
}
