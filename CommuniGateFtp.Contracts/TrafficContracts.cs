namespace CommuniGateFtp.Contracts;

/// <summary>
/// <c>GET /api/stats/throughput</c>: this node's bytes per second over the last ten minutes in steps of
/// <paramref name="StepSeconds"/>, oldest first, finished steps only (the running one is <see cref="StatsResponse"/>'s rate).
/// </summary>
public sealed record ThroughputResponse(string Node, double StepSeconds, IReadOnlyList<ThroughputStepResponse> Steps);

/// <summary>The average rates over the step that starts at <paramref name="At"/>.</summary>
public sealed record ThroughputStepResponse(DateTimeOffset At, double BytesInPerSecond, double BytesOutPerSecond);

/// <summary>
/// <c>GET /api/stats/top-accounts?minutes=&amp;count=</c>: the accounts that moved the most bytes on this node over the
/// last <paramref name="Minutes"/> (1–60), most first; running transfers count as they go.
/// </summary>
public sealed record TopAccountsResponse(string Node, int Minutes, IReadOnlyList<AccountTrafficResponse> Accounts);

/// <summary>An account (<c>name@domain</c>) and its bytes: in (uploads) and out (downloads and listings).</summary>
public sealed record AccountTrafficResponse(string Account, long BytesIn, long BytesOut);
