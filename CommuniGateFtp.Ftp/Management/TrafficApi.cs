using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/stats/throughput</c> and <c>/api/stats/top-accounts</c>: the recent past of this node's traffic, so the
/// dashboard's chart and its top accounts show the last minutes at once, not only since the page opened.
/// </summary>
public static class TrafficApi
{
    public const int DefaultMinutes = 10;
    public const int DefaultCount = 10;
    private const int MaxCount = 100;

    public static IEndpointRouteBuilder MapTrafficApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/stats").WithTags("Stats").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/throughput", (TrafficHistory traffic, SessionViews views) =>
            new ThroughputResponse(views.Node, TrafficHistory.Step.TotalSeconds,
                [.. traffic.Throughput().Select(s => new ThroughputStepResponse(s.At, s.BytesInPerSecond, s.BytesOutPerSecond))]));
        group.MapGet("/top-accounts", (TrafficHistory traffic, SessionViews views, int? minutes, int? count) =>
        {
            var window = Math.Clamp(minutes ?? DefaultMinutes, 1, TrafficHistory.AccountMinutes);
            return new TopAccountsResponse(views.Node, window,
                [.. traffic.TopAccounts(window, Math.Clamp(count ?? DefaultCount, 1, MaxCount)).Select(a => new AccountTrafficResponse(a.Account, a.BytesIn, a.BytesOut))]);
        });
        return routes;
    }
}
