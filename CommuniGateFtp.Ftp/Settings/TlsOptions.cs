namespace CommuniGateFtp.Ftp.Settings;

/// <summary>SET-TLS: the server certificate and the TLS policies, section <c>Ftp:Tls</c>.</summary>
public sealed class TlsOptions
{
    /// <summary>A PEM certificate (chain) file, or a PFX/PKCS#12 file. Empty: no TLS (AUTH answers 504).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key file, when <see cref="CertificatePath"/> is PEM without the key in it.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PFX password, if any.</summary>
    public string? Password { get; set; }

    /// <summary>TLS-CCC: allow CCC to drop TLS from the control connection after login.</summary>
    public bool AllowCcc { get; set; }

    /// <summary>TLS-POLICY: USER/PASS only on a protected control connection.</summary>
    public bool RequireTlsForLogin { get; set; }

    /// <summary>
    /// TLS-IMPLICIT: a secure socket of the start-up listener (e.g. 990), whose sessions start with the TLS handshake;
    /// 0 = none. Like <see cref="FtpOptions.Port"/>, used while the live settings hold no Listener table.
    /// </summary>
    public int ImplicitPort { get; set; }
}
