using System.Text.Json;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Requests one node makes of the others: recorded in the database for the node(s) they are for, with a NOTIFY on
/// <see cref="Channel"/> that wakes every listening node up (<see cref="ClusterRequestInbox"/> takes and acts on them).
/// A node whose LISTEN connection is down meanwhile still takes them, at its next heartbeat or when it listens again.
/// </summary>
public sealed class ClusterRequests(ClusterStore store)
{
    public const string Channel = "cgftp_cluster";

    /// <summary>Asks node run <paramref name="node"/> to end session <paramref name="sessionId"/> (it answers 421).</summary>
    public Task DisconnectSessionAsync(long node, long sessionId, CancellationToken cancellationToken) =>
        SendAsync(new ClusterRequest(ClusterRequest.DisconnectSession, node, sessionId, null), cancellationToken);

    /// <summary>Asks every node to end the sessions of account <paramref name="accountId"/> (it was removed).</summary>
    public Task DisconnectAccountAsync(int accountId, CancellationToken cancellationToken) =>
        SendAsync(new ClusterRequest(ClusterRequest.DisconnectAccount, null, null, accountId), cancellationToken);

    private Task SendAsync(ClusterRequest request, CancellationToken cancellationToken) =>
        store.RequestAsync(Channel, request.Node, JsonSerializer.Serialize(request, JsonSerializerOptions.Web), cancellationToken);
}

/// <summary>One request recorded for a node (see <see cref="ClusterRequests"/>).</summary>
/// <param name="Kind"><see cref="DisconnectSession"/> or <see cref="DisconnectAccount"/>.</param>
/// <param name="Node">The node run the request is for; null: every node.</param>
public sealed record ClusterRequest(string Kind, long? Node, long? Session, int? Account)
{
    public const string DisconnectSession = "disconnect-session";
    public const string DisconnectAccount = "disconnect-account";
}
