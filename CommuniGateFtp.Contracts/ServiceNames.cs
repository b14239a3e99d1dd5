namespace CommuniGateFtp.Contracts;

/// <summary>CommuniGate Pro's "Enabled Services" names an account may list (the API refuses others).</summary>
public static class ServiceNames
{
    public const string Ftp = "FTP";

    public static readonly IReadOnlyList<string> All =
    [
        "Mail", "Relay", "Signal", "Mobile", "TLS", "POP", "IMAP", "MAPI", "AirSync", "SIP", "XMPP",
        "WebMail", "XIMSS", "FTP", "ACAP", "PWD", "LDAP", "RADIUS", "S/MIME", "WebCAL", "WebSite",
    ];
}
