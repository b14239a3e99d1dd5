namespace CommuniGateFtp.Ftp.Data;

/// <summary>A user account: credentials, enabled services, administrator rights and storage limits.</summary>
public sealed class Account
{
    public int Id { get; set; }

    public int DomainId { get; set; }

    public Domain Domain { get; set; } = null!;

    /// <summary>Lower-case account name, unique within its domain.</summary>
    public required string Name { get; set; }

    /// <summary>A salted PBKDF2 hash (ASP.NET Core Identity's format); never the password itself.</summary>
    public required string PasswordHash { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>CommuniGate Pro's "Enabled Services", upper-case names such as <c>FTP</c>.</summary>
    public List<string> EnabledServices { get; set; } = [];

    /// <summary>Server administrator with rights over all domains (CGP "All Domains" access).</summary>
    public bool IsAdministrator { get; set; }

    /// <summary>
    /// Domain administrator (CGP's "CanViewWebSites" right of Domain administration): full rights on the File Storage of
    /// every account of its own Domain (FS-WHO).
    /// </summary>
    public bool IsDomainAdministrator { get; set; }

    public StorageLimit StorageSizeLimit { get; set; } = StorageLimit.Default;

    public StorageLimit StorageFilesLimit { get; set; } = StorageLimit.Default;

    /// <summary>Bytes in the account's File Storage, kept up to date by writes and reconciled at start.</summary>
    public long StorageBytesUsed { get; set; }

    /// <summary>Files and directories in the account's File Storage.</summary>
    public long StorageFilesUsed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>True when the account may use <paramref name="service"/> (case-insensitive).</summary>
    public bool HasService(string service) =>
        EnabledServices.Contains(service, StringComparer.OrdinalIgnoreCase);
}
