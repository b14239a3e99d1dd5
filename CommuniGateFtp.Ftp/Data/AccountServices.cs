namespace CommuniGateFtp.Ftp.Data;

/// <summary>Names of CommuniGate Pro's "Enabled Services" that this server knows.</summary>
public static class AccountServices
{
    public const string Ftp = "FTP";

    /// <summary>Every service name an account may list; others are refused by the API.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(Contracts.ServiceNames.All, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of a known service name, or null.</summary>
    public static string? Canonical(string name) => Known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
