using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Management.Live;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/sessions</c>: the live sessions and transfers (ADM-LIVE) of every node of the cluster, as a list and as a live
/// stream (this node's with every change, the others' as they publish them); disconnecting one on whichever node runs it;
/// one session's protocol view; and <c>/api/transfers/recent</c>, this node's recent finished transfers.
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/", async (SessionRegistry registry, SessionViews views, RemoteSessions remote, CancellationToken cancellationToken) =>
            TypedResults.Ok(registry.Sessions.Select(views.Of).Concat(await remote.LatestAsync(cancellationToken)).OrderBy(s => s.Id).ToList()));
        group.MapGet("/stream", async (SessionRegistry registry, TransferHistory history, SessionViews views, RemoteSessions remote,
                CancellationToken cancellationToken) =>
            {
                await remote.LatestAsync(cancellationToken); // the snapshot holds the other nodes' sessions of now
                return new LiveStreamResult(new SessionsStream(registry, history, views, remote));
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapGet("/{id:long}/log/stream", WatchProtocol)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapDelete("/{id:long}", Disconnect);

        routes.MapGet("/api/transfers/recent", (TransferHistory history, SessionViews views) =>
                TypedResults.Ok(history.Recent().Select(views.Of).ToList()))
            .WithTags("Sessions").RequireAuthorization(ManagementApi.AdministratorPolicy);
        return routes;
    }

    private static Results<LiveStreamResult, NotFound<ProblemDetails>> WatchProtocol(long id, SessionRegistry registry, SessionViews views) =>
        registry.TryGet(id, out var session)
            ? new LiveStreamResult(new SessionProtocolStream(session, registry, views))
            : TypedResults.NotFound(NoSession(id));

    /// <summary>Ends a session of this node at once, or asks the node that runs it (it answers 421 there within a moment).</summary>
    private static async Task<Results<Accepted, NotFound<ProblemDetails>>> Disconnect(long id, SessionRegistry registry, RemoteSessions remote,
        ClusterRequests requests, CancellationToken cancellationToken)
    {
        if (registry.TryGet(id, out var session))
        {
            session.Disconnect();
            return TypedResults.Accepted((string?)null);
        }
        if (!(await remote.LatestAsync(cancellationToken)).Any(s => s.Id == id))
        {
            return TypedResults.NotFound(NoSession(id));
        }
        await requests.DisconnectSessionAsync(ClusterIdentity.NodeOf(id), id, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static ProblemDetails NoSession(long id) => ApiProblems.Problem(404, "Session not found", $"No session {id} on any live node.");
}
