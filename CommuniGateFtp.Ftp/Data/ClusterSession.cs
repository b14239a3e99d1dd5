namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// A live session of one node as the other nodes see it: its summary (a <c>SessionResponse</c> as JSON), rewritten when
/// the session's state changes and every few seconds during a transfer, never per byte. Removed with its node.
/// </summary>
public sealed class ClusterSession
{
    /// <summary>The session's id, unique in the cluster (see <see cref="ClusterNode.Number"/>).</summary>
    public long Id { get; set; }

    public long NodeNumber { get; set; }

    public required string Summary { get; set; }
}
