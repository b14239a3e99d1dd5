namespace CommuniGateFtp.Contracts;

/// <summary>
/// <c>GET /api/nodes</c>: one running Ftp node of the cluster, as it last told the database (every second).
/// </summary>
/// <param name="Name">The node's name (<c>Ftp:NodeName</c>, else the machine's name), as sessions carry it.</param>
/// <param name="Number">This run of the node; a restarted node comes back with a new number.</param>
/// <param name="HeartbeatAt">The database's time of the node's last heartbeat; a node silent for a few seconds is left out.</param>
/// <param name="Sessions">The node's live sessions.</param>
/// <param name="Listeners">The node's listener sockets and whether each is bound there.</param>
/// <param name="Self">True for the node that answered.</param>
/// <param name="HeartbeatAgeSeconds">How long ago the last heartbeat was, by the database's clock (no clock of a node's involved).</param>
public sealed record NodeResponse(string Name, long Number, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt, int Sessions,
    IReadOnlyList<ListenerSocketStateResponse> Listeners, bool Self, double HeartbeatAgeSeconds = 0);
