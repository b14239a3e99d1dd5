namespace CommuniGateFtp.Ftp.Storage;

/// <summary>An account's effective File Storage limits (FS-QUOTA): bytes and files (with directories); null = unlimited.</summary>
public sealed record QuotaLimits(long? Bytes, long? Files)
{
    /// <summary>FS-QUOTA-HIT: the reply text when a new file or directory would pass the files limit.</summary>
    public const string FilesLimitExceeded = "Files limit exceeded";

    public static QuotaLimits None { get; } = new(null, null);
}
