namespace CommuniGateFtp.Contracts;

/// <summary>
/// <c>GET /api/stats</c>: this node now. Rates are over the last few seconds of the running transfers; logins and
/// failures are PASS outcomes in the last hour.
/// </summary>
public sealed record StatsResponse(string Node, int Sessions, int Transfers, double BytesInPerSecond, double BytesOutPerSecond,
    int LoginsLastHour, int LoginFailuresLastHour, IReadOnlyList<ListenerSocketStateResponse> Listeners);

/// <summary>
/// A row of the Listener table and whether it is bound now. <paramref name="Problem"/> says why not: Channels is 0, or
/// the bind failure.
/// </summary>
public sealed record ListenerSocketStateResponse(int Port, string Address, bool Secure, bool Bound, string? Problem);
