using System.Text.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// This node's presence in the cluster. At start (before the listener) it registers and takes its range of session
/// ids; then every <see cref="Heartbeat"/> it says it is alive, publishes its sessions' summaries, takes the requests
/// other nodes left for it, reloads the other nodes' sessions while someone watches them, and now and then forgets nodes
/// long silent. At stop it leaves, so it
/// drops from every view at once; a node that dies drops after <see cref="ExpiresAfter"/>.
/// </summary>
public sealed class ClusterPresence(ClusterStore store, ClusterIdentity identity, SessionRegistry registry, LocalSessionSummaries summaries,
    RemoteSessions remote, ClusterRequestInbox inbox, FtpListenerService listeners, TimeProvider time, ILogger<ClusterPresence> logger) : BackgroundService
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    /// <summary>A node silent this long is left out of every view, and its sessions with it.</summary>
    public static readonly TimeSpan ExpiresAfter = TimeSpan.FromSeconds(5);

    /// <summary>A node silent this long is deleted (with its session rows).</summary>
    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromMinutes(1);

    private const int ForgetEvery = 30;
    private DateTimeOffset _startedAt;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = time.GetUtcNow();
        identity.Number = await store.RegisterAsync(identity.Name, Listeners(), cancellationToken);
        registry.ContinueIdsAfter(ClusterIdentity.IdsAfter(identity.Number));
        logger.LogInformation("Joined the cluster as node {Node} (run {Number})", identity.Name, identity.Number);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.LeaveAsync(identity.Number, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Leaving the cluster failed; the other nodes drop this one when its heartbeat expires");
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Data.DatabasePoller.RunAsync(Heartbeat, time, (tick, ct) => BeatAsync(tick % ForgetEvery == 0, ct),
            // The other nodes stop seeing this one until the database answers again; said once per outage.
            ex => logger.LogWarning(ex, "The cluster heartbeat failed; other nodes will not see this node until it succeeds"),
            stoppingToken,
            failed: summaries.Forget); // what was being written may not be: write everything again

    private async Task BeatAsync(bool forgetSilent, CancellationToken cancellationToken)
    {
        if (!await store.HeartbeatAsync(identity.Number, identity.Name, _startedAt, Listeners(), cancellationToken))
        {
            summaries.Forget();
        }
        var (changed, closed) = summaries.Take(time.GetUtcNow());
        if (changed.Count > 0 || closed.Count > 0)
        {
            await store.WriteSessionsAsync(identity.Number, changed, closed, cancellationToken);
        }
        await inbox.TakeAsync(cancellationToken); // requests whose NOTIFY this node missed (its LISTEN connection was down)
        if (remote.Changes.HasFollowers)
        {
            await remote.RefreshAsync(cancellationToken);
        }
        if (forgetSilent)
        {
            await store.ForgetSilentNodesAsync(cancellationToken);
        }
    }

    private string Listeners() => JsonSerializer.Serialize(
        listeners.States.Select(s => new ListenerSocketStateResponse(s.Socket.Port, s.Socket.Address, s.Socket.Secure, s.Bound, s.Problem)),
        JsonSerializerOptions.Web);
}
