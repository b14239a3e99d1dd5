namespace CommuniGateFtp.Ftp.Data;

/// <summary>A CommuniGate Pro Domain: a namespace of accounts, e.g. <c>example.com</c>.</summary>
public sealed class Domain
{
    public int Id { get; set; }

    /// <summary>Lower-case DNS name, unique.</summary>
    public required string Name { get; set; }

    /// <summary>The Main Domain resolves unqualified login names (SES-NAME). Exactly one domain has it.</summary>
    public bool IsMain { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The <c>default</c> for accounts' size limits in this domain (FS-QUOTA).</summary>
    public StorageLimit DefaultStorageSizeLimit { get; set; } = StorageLimit.Default;

    /// <summary>The <c>default</c> for accounts' file-count limits in this domain (FS-QUOTA).</summary>
    public StorageLimit DefaultStorageFilesLimit { get; set; } = StorageLimit.Default;

    /// <summary>
    /// NET-DOMAINIP: local IP addresses this Domain owns, normalised text (IPv4 as dotted quad). An unqualified login
    /// name given on a connection to one of them belongs to this Domain (SES-NAME).
    /// </summary>
    public List<string> LocalIps { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public List<Account> Accounts { get; set; } = [];
}
