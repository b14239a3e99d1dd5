namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// One running Ftp node (one start of it): its name, when it started and last said it is alive, and its listener sockets
/// as it sees them. Written by the node itself every second (<see cref="Cluster.ClusterPresence"/>); a row whose
/// heartbeat is older than <see cref="Cluster.ClusterPresence.ExpiresAfter"/> is a node that is gone.
/// </summary>
public sealed class ClusterNode
{
    /// <summary>Given by PostgreSQL at each start; session ids of this run start at <c>(Number − 1) × 10⁹ + 1</c>.</summary>
    public long Number { get; set; }

    /// <summary><c>Ftp:NodeName</c>, else the machine's name: what the live views show (not unique over restarts).</summary>
    public required string Name { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The database's clock at the node's last heartbeat, so that nodes' clocks never need to agree.</summary>
    public DateTimeOffset HeartbeatAt { get; set; }

    /// <summary>The node's listener sockets and whether each is bound (JSON array of <c>ListenerSocketStateResponse</c>).</summary>
    public string Listeners { get; set; } = "[]";
}
