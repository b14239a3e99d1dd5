namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>How a session logged in (LOG-CONTENT 2 names it; the live view shows it).</summary>
public enum LoginMethod
{
    Password,
    Anonymous,

    /// <summary>A Kerberos principal authorized by the GSSAPI exchange, without a password (GSS-USER).</summary>
    Gssapi,
}
