namespace CommuniGateFtp.Contracts;

/// <summary>
/// A finished file transfer (<c>GET /api/transfers/recent</c>, the <c>transfer</c> event): who, what, which way, how
/// much, how long, and the final reply code (226 complete; 426 aborted or cut; 425, 451, 452, 552 failed).
/// </summary>
/// <param name="Account">The account, <c>name@domain</c>.</param>
/// <param name="Direction"><c>Send</c> (download) or <c>Receive</c> (upload).</param>
public sealed record FinishedTransferResponse(string Node, long SessionId, string? Account, string Client, string Command, string Path,
    string Direction, long Bytes, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, double DurationSeconds, int ReplyCode);
