namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>A file transfer that ended: who, what, which way, how many bytes, when, and its final reply code.</summary>
public sealed record FinishedTransfer(long SessionId, string? Account, string Client, string Command, string Path, TransferDirection Direction,
    long Bytes, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int ReplyCode);
