namespace CommuniGateFtp.Ftp.Security;

/// <summary>The security mechanism of a session (RFC 2228 AUTH): none yet, TLS (RFC 4217) or GSSAPI.</summary>
public enum SecurityMechanism
{
    None,
    Tls,
    Gssapi,
}
