using System.Text.Json;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Takes the requests the other nodes recorded for this node and acts on them. Asked when a NOTIFY wakes the node, when
/// its LISTEN connection is back, and at every heartbeat (so that a request made while this node was not listening
/// waits at most a heartbeat); each request is taken once, whoever asks first.
/// </summary>
public sealed class ClusterRequestInbox(ClusterStore store, ClusterIdentity identity, SessionRegistry registry, ILogger<ClusterRequestInbox> logger)
{
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        if (identity.Number == 0)
        {
            return; // not registered yet: nothing can be asked of this run
        }
        foreach (var payload in await store.TakeRequestsAsync(identity.Number, cancellationToken))
        {
            Act(payload);
        }
    }

    private void Act(string payload)
    {
        ClusterRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ClusterRequest>(payload, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a cluster request that is not understood: {Payload}", payload);
            return;
        }
        var sessions = request?.Kind switch
        {
            ClusterRequest.DisconnectSession when request.Session is { } id && registry.TryGet(id, out var session) => [session],
            ClusterRequest.DisconnectAccount when request.Account is { } account =>
                registry.Sessions.Where(s => s.Account is { IsAnonymous: false } a && a.Id == account).ToList(),
            _ => (IReadOnlyCollection<FtpSession>)[],
        };
        foreach (var session in sessions)
        {
            logger.LogInformation("Session {Session} ended at the request of another node ({Kind})", session.Id, request!.Kind);
            session.Disconnect();
        }
    }
}
