using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// LISTENs for the other nodes: <see cref="ClusterRequests.Channel"/> (requests were recorded: take them now rather than
/// at the next heartbeat) and <see cref="DatabaseBlacklistStore.Channel"/> (an address was blocked or lifted: reload the
/// blocked set now rather than at the next poll). After a lost connection it listens again, then takes the requests and
/// reloads the blacklist, either of which may have changed meanwhile.
/// </summary>
public sealed class ClusterNotifications(ClusterRequestInbox inbox, TemporaryBlacklist blacklist,
    IServiceScopeFactory scopes, Telemetry.FtpLogBook log, ILogger<ClusterNotifications> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DatabaseListener.RunAsync(scopes, log, "disconnect requests from other nodes wait for the next heartbeat until it is back",
            [ClusterRequests.Channel, DatabaseBlacklistStore.Channel],
            e => Handle(e.Channel, stoppingToken),
            ct =>
            {
                _ = TakeRequestsAsync(ct);
                _ = RefreshBlacklistAsync(ct); // whatever changed while we were not listening
                return Task.CompletedTask;
            },
            stoppingToken);

    private void Handle(string channel, CancellationToken cancellationToken)
    {
        if (channel == DatabaseBlacklistStore.Channel)
        {
            _ = RefreshBlacklistAsync(cancellationToken);
        }
        else
        {
            _ = TakeRequestsAsync(cancellationToken);
        }
    }

    private async Task TakeRequestsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inbox.TakeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Taking cluster requests after a notification failed; the next heartbeat takes them");
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
