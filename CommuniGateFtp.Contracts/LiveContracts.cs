namespace CommuniGateFtp.Contracts;

/// <summary>
/// The <c>dropped</c> event: the reader fell so far behind that <paramref name="Count"/> entries (log records, finished
/// transfers, protocol lines) were dropped for it. Session changes are never dropped, only merged into their latest state.
/// </summary>
public sealed record DroppedEvent(long Count);

/// <summary>A record of the FTP log, typed (<c>/api/log/stream?format=json</c>); <paramref name="Line"/> is CommuniGate Pro's format.</summary>
/// <param name="Level"><c>Failures</c>, <c>Major</c>, <c>Problems</c>, <c>LowLevel</c> or <c>AllInfo</c>.</param>
/// <param name="LevelNumber">The same as CommuniGate Pro's number, 1–5.</param>
public sealed record LogRecordResponse(DateTimeOffset Time, string Level, int LevelNumber, long SessionId, string Client, string Text, string Line);
