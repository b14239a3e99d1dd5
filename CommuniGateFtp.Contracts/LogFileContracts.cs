namespace CommuniGateFtp.Contracts;

/// <summary>
/// <c>GET /api/log/days</c>: the FTP log's daily files, newest first, of every node whose folder the answering node
/// (<paramref name="Node"/>) sees (nodes that share the log volume see each other's).
/// </summary>
public sealed record LogDaysResponse(string Node, IReadOnlyList<LogDayResponse> Days);

/// <summary>One daily file: the node that wrote it, its UTC day, its size in bytes.</summary>
public sealed record LogDayResponse(string Node, DateOnly Date, long Bytes);

/// <summary>
/// <c>GET /api/log/days/{date}</c>: a page of one day's records, oldest first; <paramref name="Next"/> is the <c>after</c>
/// to ask for the next page with, <c>null</c> when the file's end was reached.
/// </summary>
public sealed record LogPageResponse(string Node, DateOnly Date, IReadOnlyList<LogRecordResponse> Records, long? Next);
