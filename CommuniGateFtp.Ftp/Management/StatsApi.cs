using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Management;

/// <summary><c>GET /api/stats</c>: this node's counts now, for the dashboard's overview.</summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stats", Stats).WithTags("Stats").RequireAuthorization(ManagementApi.AdministratorPolicy);
        return routes;
    }

    private static StatsResponse Stats(SessionRegistry registry, LoginStatistics logins, FtpListenerService listeners, SessionViews views,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var transfers = registry.Sessions.Select(s => s.CurrentTransfer).OfType<FtpTransfer>().ToList();
        double Rate(TransferDirection direction) => transfers.Where(t => t.Direction == direction).Sum(t => t.Rate(now));
        return new StatsResponse(views.Node, registry.Count, transfers.Count, Rate(TransferDirection.Receive), Rate(TransferDirection.Send),
            logins.Succeeded.LastHour(), logins.Failed.LastHour(),
            [.. listeners.States.Select(s => new ListenerSocketStateResponse(s.Socket.Port, s.Socket.Address, s.Socket.Secure, s.Bound, s.Problem))]);
    }
}
