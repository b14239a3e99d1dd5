using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary><c>/api/sessions</c>: this node's live sessions and transfers, and disconnecting one (ADM-LIVE).</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/", (SessionRegistry registry, TimeProvider time) =>
            TypedResults.Ok(registry.Sessions.OrderBy(s => s.Id).Select(s => ToResponse(s, time.GetUtcNow())).ToList()));
        group.MapDelete("/{id:long}", Disconnect);
        return routes;
    }

    private static Results<Accepted, NotFound<ProblemDetails>> Disconnect(long id, SessionRegistry registry)
    {
        if (registry.Sessions.FirstOrDefault(s => s.Id == id) is not { } session)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Session not found", Detail = $"No session {id} on this node." });
        }
        session.Disconnect();
        return TypedResults.Accepted((string?)null);
    }

    private static SessionResponse ToResponse(FtpSession s, DateTimeOffset now) => new(
        s.Id, s.Client, s.Account?.Address, s.ConnectedAt, s.State.ToString(), s.CurrentDirectory.ToString(), s.ControlIsTls,
        s.DataIsPrivate, s.LastCommand,
        s.CurrentTransfer is { } t ? new TransferResponse(t.Command, t.Path, t.Direction.ToString(), t.Bytes, t.Rate(now), t.StartedAt) : null);
}
