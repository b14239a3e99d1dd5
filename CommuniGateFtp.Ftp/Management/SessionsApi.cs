using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Ftp.Management.Live;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/sessions</c>: the live sessions and transfers (ADM-LIVE) of every node of the cluster, as a list and as a live
/// stream (this node's with every change, the others' as they publish them); disconnecting one on whichever node runs it;
/// one session's protocol view; and <c>/api/transfers/recent</c>, this node's recent finished transfers.
/// A Domain administrator sees, watches and disconnects the sessions logged in to its Domain's accounts and sees their
/// transfers; another session is "not found" for it (404, as if it were not there: a 403 would tell it exists).
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapGet("/", async (SessionRegistry registry, SessionViews views, RemoteSessions remote, ManagementCaller caller,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(registry.Sessions.Where(caller.Sees).Select(views.Of)
                .Concat((await remote.LatestAsync(cancellationToken)).Where(s => caller.SeesAddress(s.Account)))
                .OrderBy(s => s.Id).ToList()));
        group.MapGet("/stream", async (SessionRegistry registry, TransferHistory history, SessionViews views, RemoteSessions remote,
                ManagementCaller caller, CancellationToken cancellationToken) =>
            {
                await remote.LatestAsync(cancellationToken); // the snapshot holds the other nodes' sessions of now
                return new LiveStreamResult(new SessionsStream(registry, history, views, remote, caller));
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapGet("/{id:long}/log/stream", WatchProtocol)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapDelete("/{id:long}", Disconnect);

        routes.MapGet("/api/transfers/recent", (TransferHistory history, SessionViews views, ManagementCaller caller) =>
                TypedResults.Ok(history.Recent().Where(t => caller.SeesAddress(t.Account)).Select(views.Of).ToList()))
            .WithTags("Sessions").RequireAuthorization(ManagementPolicies.DomainAdministrator);
        return routes;
    }

    private static Results<LiveStreamResult, NotFound<ProblemDetails>> WatchProtocol(long id, SessionRegistry registry, SessionViews views,
        ManagementCaller caller) =>
        registry.TryGet(id, out var session) && caller.Sees(session)
            ? new LiveStreamResult(new SessionProtocolStream(session, registry, views))
            : TypedResults.NotFound(NoSession(id));

    /// <summary>Ends a session of this node at once, or asks the node that runs it (it answers 421 there within a moment).</summary>
    /// <remarks>A request for another node that the database does not take within <see cref="RemoteSessions.ReadLimit"/> is a 503.</remarks>
    private static async Task<Results<Accepted, NotFound<ProblemDetails>, ProblemHttpResult>> Disconnect(long id, SessionRegistry registry,
        RemoteSessions remote, ClusterRequests requests, ManagementCaller caller, ILogger<ClusterRequests> logger, CancellationToken cancellationToken)
    {
        if (registry.TryGet(id, out var session))
        {
            if (!caller.Sees(session))
            {
                return TypedResults.NotFound(NoSession(id));
            }
            session.Disconnect();
            return TypedResults.Accepted((string?)null);
        }
        if (!(await remote.LatestAsync(cancellationToken)).Any(s => s.Id == id && caller.SeesAddress(s.Account)))
        {
            return TypedResults.NotFound(NoSession(id));
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(RemoteSessions.ReadLimit);
        try
        {
            await requests.DisconnectSessionAsync(ClusterIdentity.NodeOf(id), id, limit.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Asking another node to end session {Session} failed", id);
            return ApiProblems.DatabaseUnavailable($"Session {id} runs on another node, which is asked through the database; the database "
                + "does not answer now. Try again when it is back.");
        }
        return TypedResults.Accepted((string?)null);
    }

    private static ProblemDetails NoSession(long id) => ApiProblems.Problem(404, "Session not found", $"No session {id} on any live node.");
}
