using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    /// <summary>Ends a session: the client gets 421 and its running transfer is aborted.</summary>
    public Task DisconnectSessionAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/sessions/{id}", null, cancellationToken);

    public Task<StatsResponse> GetStatsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<StatsResponse>(HttpMethod.Get, "/api/stats", null, cancellationToken);

    public Task<ThroughputResponse> GetThroughputAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ThroughputResponse>(HttpMethod.Get, "/api/stats/throughput", null, cancellationToken);

    public Task<TopAccountsResponse> GetTopAccountsAsync(int minutes, int count, CancellationToken cancellationToken = default) =>
        SendAsync<TopAccountsResponse>(HttpMethod.Get, $"/api/stats/top-accounts?minutes={minutes}&count={count}", null, cancellationToken);
}
