using System.Text.Json;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// LISTENs for the other nodes: <see cref="ClusterRequests"/> (end a session, end an account's sessions) and
/// <see cref="DatabaseBlacklistStore.Channel"/> (an address was blocked or lifted: reload the blocked set now rather than at
/// the next poll). After a lost connection it listens again and reloads the blacklist, which may have changed meanwhile.
/// </summary>
public sealed class ClusterNotifications(ClusterIdentity identity, SessionRegistry registry, TemporaryBlacklist blacklist,
    IServiceScopeFactory scopes, Telemetry.FtpLogBook log, ILogger<ClusterNotifications> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DatabaseListener.RunAsync(scopes, log, "disconnect requests from other nodes are missed until it is back",
            [ClusterRequests.Channel, DatabaseBlacklistStore.Channel],
            e => Handle(e.Channel, e.Payload, stoppingToken),
            ct => { _ = RefreshBlacklistAsync(ct); return Task.CompletedTask; }, // whatever changed while we were not listening
            stoppingToken);

    private void Handle(string channel, string payload, CancellationToken cancellationToken)
    {
        if (channel == DatabaseBlacklistStore.Channel)
        {
            _ = RefreshBlacklistAsync(cancellationToken);
            return;
        }
        ClusterRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ClusterRequest>(payload, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a cluster request that is not understood: {Payload}", payload);
            return;
        }
        if (request is null || (request.Node is { } node && node != identity.Number))
        {
            return;
        }
        var sessions = request.Kind switch
        {
            ClusterRequest.DisconnectSession when request.Session is { } id && registry.TryGet(id, out var session) => [session],
            ClusterRequest.DisconnectAccount when request.Account is { } account =>
                registry.Sessions.Where(s => s.Account is { IsAnonymous: false } a && a.Id == account).ToList(),
            _ => (IReadOnlyCollection<FtpSession>)[],
        };
        foreach (var session in sessions)
        {
            logger.LogInformation("Session {Session} ended at the request of another node ({Kind})", session.Id, request.Kind);
            session.Disconnect();
        }
    }

    private async Task RefreshBlacklistAsync(CancellationToken cancellationToken)
    {
        try
        {
            await blacklist.RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Reloading the temporary blacklist after a notification failed; the next poll retries");
        }
    }
}
