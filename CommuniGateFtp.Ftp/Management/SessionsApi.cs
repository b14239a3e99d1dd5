using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Ftp.Management.Live;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/sessions</c>: this node's live sessions and transfers (ADM-LIVE), as a list and as a live stream;
/// disconnecting one; one session's protocol view; and <c>/api/transfers/recent</c>, the recent finished transfers.
/// A Domain administrator sees, watches and disconnects the sessions logged in to its Domain's accounts and sees their
/// transfers; another session is "not found" for it (404, as if it were not there: a 403 would tell it exists).
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapGet("/", (SessionRegistry registry, SessionViews views, ManagementCaller caller) =>
            TypedResults.Ok(registry.Sessions.Where(caller.Sees).OrderBy(s => s.Id).Select(views.Of).ToList()));
        group.MapGet("/stream", (SessionRegistry registry, TransferHistory history, SessionViews views, ManagementCaller caller) =>
            new LiveStreamResult(new SessionsStream(registry, history, views, caller)))
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

    private static Results<Accepted, NotFound<ProblemDetails>> Disconnect(long id, SessionRegistry registry, ManagementCaller caller)
    {
        if (!registry.TryGet(id, out var session) || !caller.Sees(session))
        {
            return TypedResults.NotFound(NoSession(id));
        }
        session.Disconnect();
        return TypedResults.Accepted((string?)null);
    }

    private static ProblemDetails NoSession(long id) => ApiProblems.Problem(404, "Session not found", $"No session {id} on this node.");
}
