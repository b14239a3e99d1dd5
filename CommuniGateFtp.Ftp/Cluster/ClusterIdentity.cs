namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// This node in the cluster: its name and the number PostgreSQL gave this run of it, from which its session ids are
/// drawn (<see cref="IdsAfter"/>), so any node can tell from a session id which node runs the session.
/// </summary>
public sealed class ClusterIdentity(Microsoft.Extensions.Options.IOptions<Settings.FtpOptions> options)
{
    /// <summary>Session ids one run of a node may hand out.</summary>
    public const long IdsPerNode = 1_000_000_000;

    public string Name { get; } = options.Value.Node;

    /// <summary>This run's number; 0 until the node has registered.</summary>
    public long Number { get; set; }

    /// <summary>The id before the first session id of node run <paramref name="number"/> (the first run on a database numbers 1, 2, …).</summary>
    public static long IdsAfter(long number) => (number - 1) * IdsPerNode;

    /// <summary>The node run that handed out <paramref name="sessionId"/>.</summary>
    public static long NodeOf(long sessionId) => (sessionId - 1) / IdsPerNode + 1;
}
