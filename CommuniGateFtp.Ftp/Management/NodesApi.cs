using System.Text.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>GET /api/nodes</c>: the live nodes of the cluster (those whose heartbeat is recent), each with its listener sockets
/// as it sees them and its session count; the answering node marked <c>self</c>, with its own counts of now.
/// </summary>
public static class NodesApi
{
    public static IEndpointRouteBuilder MapNodesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/nodes", ListAsync).WithTags("Cluster").RequireAuthorization(ManagementApi.AdministratorPolicy);
        return routes;
    }

    private static async Task<List<NodeResponse>> ListAsync(ClusterStore store, ClusterIdentity identity, SessionRegistry registry,
        CancellationToken cancellationToken)
    {
        var nodes = await store.LiveNodesAsync(cancellationToken);
        return [.. nodes.Select(n => new NodeResponse(n.Name, n.Number, n.StartedAt, n.HeartbeatAt,
            n.Number == identity.Number ? registry.Count : n.Sessions,
            JsonSerializer.Deserialize<List<ListenerSocketStateResponse>>(n.Listeners, JsonSerializerOptions.Web) ?? [],
            n.Number == identity.Number, n.HeartbeatAgeSeconds))];
    }
}
