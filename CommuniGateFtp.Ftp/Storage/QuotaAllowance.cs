namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// What an account may still store (FS-QUOTA): bytes and files left under its effective limits; null = unlimited.
/// </summary>
public sealed record QuotaAllowance(long? BytesLeft, long? FilesLeft)
{
    /// <summary>FS-QUOTA-HIT: the reply text when a new file or directory would pass the files limit.</summary>
    public const string FilesLimitExceeded = "Files limit exceeded";

    public static QuotaAllowance Unlimited { get; } = new(null, null);
}
