using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/log</c>: the FTP log's recent records in CommuniGate Pro's format, and <c>/api/log/stream</c>, the same as
/// server-sent events followed by every new record (snapshot first, then changes) — for the dashboard.
/// </summary>
public static class LogApi
{
    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/log").WithTags("Log").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/", (FtpLogBook log) => TypedResults.Ok(log.Recent().Select(r => r.ToString()).ToList()));
        group.MapGet("/stream", (FtpLogBook log, HttpContext http, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(Lines(log, http.Response, cancellationToken), eventType: "log"));
        return routes;
    }

    private static async IAsyncEnumerable<string> Lines(FtpLogBook log, HttpResponse response,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The headers go out now, not with the first record: a quiet log would otherwise leave a client unsure it is connected.
        await response.Body.FlushAsync(cancellationToken);
        await foreach (var record in log.FollowAsync(cancellationToken))
        {
            yield return record.ToString();
        }
    }
}
