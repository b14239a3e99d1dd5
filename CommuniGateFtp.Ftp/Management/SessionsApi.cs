using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Management.Live;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/sessions</c>: this node's live sessions and transfers (ADM-LIVE), as a list and as a live stream;
/// disconnecting one; one session's protocol view; and <c>/api/transfers/recent</c>, the recent finished transfers.
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/", (SessionRegistry registry, SessionViews views) =>
            TypedResults.Ok(registry.Sessions.OrderBy(s => s.Id).Select(views.Of).ToList()));
        group.MapGet("/stream", (SessionRegistry registry, TransferHistory history, SessionViews views) =>
            new LiveStreamResult(new SessionsStream(registry, history, views)))
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

    private static Results<Accepted, NotFound<ProblemDetails>> Disconnect(long id, SessionRegistry registry)
    {
        if (!registry.TryGet(id, out var session))
        {
            return TypedResults.NotFound(NoSession(id));
        }
        session.Disconnect();
        return TypedResults.Accepted((string?)null);
    }

    private static ProblemDetails NoSession(long id) => ApiProblems.Problem(404, "Session not found", $"No session {id} on this node.");
}
