namespace CommuniGateFtp.Contracts;

/// <summary>A live FTP session as the API shows it (ADM-LIVE).</summary>
public sealed record SessionResponse(
    long Id,
    string Client,
    string? Account,
    DateTimeOffset ConnectedAt,
    string State,
    string CurrentDirectory,
    bool ControlTls,
    bool DataPrivate,
    string? LastCommand,
    TransferResponse? Transfer);

/// <summary>A running transfer with its live counters.</summary>
public sealed record TransferResponse(string Command, string Path, string Direction, long Bytes, double BytesPerSecond, DateTimeOffset StartedAt);
