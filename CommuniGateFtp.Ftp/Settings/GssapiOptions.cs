namespace CommuniGateFtp.Ftp.Settings;

/// <summary>SET-GSS: section <c>Ftp:Gssapi</c> — the keytab a node accepts Kerberos tickets with.</summary>
public sealed class GssapiOptions
{
    /// <summary>
    /// The keytab holding <c>ftp/host</c> (and <c>host/host</c>) keys, a path or <c>FILE:path</c>; registered with the
    /// GSSAPI library at start. Empty: MIT's defaults (<c>KRB5_KTNAME</c>, then <c>/etc/krb5.keytab</c>).
    /// </summary>
    public string? Keytab { get; set; }
}
