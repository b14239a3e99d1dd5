using CommuniGateFtp.Ftp.Management.Live;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/log</c>: the FTP log's recent records in CommuniGate Pro's format, and <c>/api/log/stream</c>, the same as
/// server-sent events followed by every new record (snapshot first, then changes) — for the dashboard. The stream's
/// <c>?format=json</c> sends typed records instead (see <see cref="LogStream"/>). The daily files: <see cref="LogDaysApi"/>.
/// </summary>
public static class LogApi
{
    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/log").WithTags("Log").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/", (FtpLogBook log) => TypedResults.Ok(log.Recent().Select(r => r.ToString()).ToList()));
        group.MapGet("/stream", (FtpLogBook log, string? format) =>
                new LiveStreamResult(new LogStream(log, string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))))
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapLogDays();
        return routes;
    }
}
