using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// LISTENs for the other nodes: <see cref="ClusterRequests.Channel"/> (requests were recorded: take them now rather than
/// at the next heartbeat) and <see cref="DatabaseBlacklistStore.Channel"/> (an address was blocked or lifted: reload the
/// blocked set now rather than at the next poll) and <see cref="LoginCache.Channel"/> (an account or Domain changed: logins
/// read it afresh). After a lost connection it listens again, then takes the requests and reloads the blacklist, either of
/// which may have changed meanwhile; the login cache stays unused while the connection is down. The three share one
/// connection, so a node hears that an account changed before it hears a request to end that account's sessions.
/// </summary>
public sealed class ClusterNotifications(ClusterRequestInbox inbox, TemporaryBlacklist blacklist, LoginCache logins,
    IServiceScopeFactory scopes, Telemetry.FtpLogBook log, ILogger<ClusterNotifications> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ListenAsync(stoppingToken);
        }
        finally
        {
            logins.Suspend(); // whatever ended the listening, changes are no longer heard
        }
    }

    private Task ListenAsync(CancellationToken stoppingToken) =>
        DatabaseListener.RunAsync(scopes, log, "disconnect requests from other nodes wait for the next heartbeat until it is back",
            [ClusterRequests.Channel, DatabaseBlacklistStore.Channel, LoginCache.Channel],
            e => Handle(e.Channel, stoppingToken),
            ct =>
            {
                logins.Resume();
                _ = TakeRequestsAsync(ct);
                _ = RefreshBlacklistAsync(ct); // whatever changed while we were not listening
                return Task.CompletedTask;
            },
            stoppingToken,
            lost: logins.Suspend);

    private void Handle(string channel, CancellationToken cancellationToken)
    {
        if (channel == LoginCache.Channel)
        {
            logins.Invalidate();
        }
        else if (channel == DatabaseBlacklistStore.Channel)
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
