namespace CommuniGateFtp.Contracts;

/// <summary>
/// A live FTP session as the API and its streams show it (ADM-LIVE). The first ten members are the original ones;
/// <see cref="LastCommand"/> now carries the argument too (masked: PASS never shows its argument).
/// </summary>
/// <param name="Node">The node the session runs on (<c>Ftp:NodeName</c>, else the machine's name), so feeds of several nodes merge.</param>
/// <param name="Client">The client's <c>[ip]:port</c>.</param>
/// <param name="Listener">The listener socket the client connected to, <c>[ip]:port</c> (the local end point).</param>
/// <param name="Account">The logged-in account, <c>name@domain</c>; null: not logged in.</param>
/// <param name="Authentication"><c>Password</c>, <c>Anonymous</c> or <c>Gssapi</c>; null: not logged in.</param>
/// <param name="State"><c>Connected</c>, <c>UserGiven</c> or <c>LoggedIn</c>.</param>
/// <param name="Tls">The control connection's TLS, or null when it is clear.</param>
/// <param name="Protection">Data protection (PROT): <c>Clear</c>, <c>Safe</c> (GSSAPI integrity) or <c>Private</c>.</param>
/// <param name="LastActivityAt">The last command or the end of the last transfer; a running transfer is activity (idle 0).</param>
/// <param name="IdleSeconds">Seconds since <see cref="LastActivityAt"/> when this record was made (clients tick it on themselves).</param>
/// <param name="BytesIn">Bytes received over the session's data connections, the running transfer included.</param>
/// <param name="BytesOut">Bytes sent over the session's data connections (listings too), the running transfer included.</param>
/// <param name="Principal">The Kerberos principal of a completed GSSAPI exchange (<c>alice@REALM</c>), else null.</param>
/// <param name="Mechanism">The security mechanism: <c>None</c>, <c>Tls</c> or <c>Gssapi</c>.</param>
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
    TransferResponse? Transfer,
    string Node,
    string Listener,
    string? Authentication,
    TlsResponse? Tls,
    string Protection,
    DateTimeOffset LastActivityAt,
    double IdleSeconds,
    long BytesIn,
    long BytesOut,
    string? Principal = null,
    string Mechanism = "None");

/// <summary>TLS on a control connection: protocol (<c>Tls13</c>) and cipher suite.</summary>
public sealed record TlsResponse(string Protocol, string Cipher);

/// <summary>
/// A running transfer with its live counters. <paramref name="Bytes"/> counts this transfer's bytes (from the REST
/// offset); <paramref name="Size"/> is how many it will move when known (RETR: the file's size less the offset; STOR
/// after ALLO), else null, and so is <paramref name="EtaSeconds"/>. The rate is over the last few seconds.
/// </summary>
/// <param name="Command">RETR, STOR, STOU, APPE, LIST, NLST or MLSD.</param>
/// <param name="Direction"><c>Send</c> (to the client) or <c>Receive</c> (from it).</param>
public sealed record TransferResponse(string Command, string Path, string Direction, long Bytes, double BytesPerSecond, DateTimeOffset StartedAt,
    long? Size, double? EtaSeconds);

/// <summary>The <c>snapshot</c> event of <c>/api/sessions/stream</c>: this node's sessions now and its recent finished transfers, oldest first.</summary>
public sealed record SessionsSnapshot(string Node, IReadOnlyList<SessionResponse> Sessions, IReadOnlyList<FinishedTransferResponse> RecentTransfers);

/// <summary>
/// A <c>command</c> or <c>reply</c> event of <c>/api/sessions/{id}/log/stream</c>: the command as logged (PASS's
/// argument and security payloads masked, LOG-MASK), or the reply with its code and text lines.
/// </summary>
public sealed record ProtocolLineResponse(DateTimeOffset Time, long SessionId, string Text, int? Code, IReadOnlyList<string>? Lines);
