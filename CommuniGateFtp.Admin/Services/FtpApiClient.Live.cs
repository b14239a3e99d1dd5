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

    /// <summary>The live nodes of the cluster with their listener sockets (server administrators only).</summary>
    public Task<List<NodeResponse>> GetNodesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<NodeResponse>>(HttpMethod.Get, "/api/nodes", null, cancellationToken);

    /// <summary>The live sessions of every node that the caller may see (a Domain administrator: its Domain's).</summary>
    public Task<List<SessionResponse>> GetSessionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<SessionResponse>>(HttpMethod.Get, "/api/sessions", null, cancellationToken);
}
