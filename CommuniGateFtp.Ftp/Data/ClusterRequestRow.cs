namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// A request one node made of another (end a session, end an account's sessions), kept until that node takes it. The
/// NOTIFY that goes with it only wakes the node up: a node whose LISTEN connection was down meanwhile still finds the
/// request at its next heartbeat or when it listens again. Removed with its node.
/// </summary>
public sealed class ClusterRequestRow
{
    public long Id { get; set; }

    /// <summary>The node run that is to act on it.</summary>
    public long NodeNumber { get; set; }

    /// <summary>The request (a <c>ClusterRequest</c> as JSON).</summary>
    public required string Request { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
