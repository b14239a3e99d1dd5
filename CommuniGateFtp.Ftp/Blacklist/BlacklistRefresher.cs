namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// Keeps this node's blocked set current: every second it reloads the addresses blocked by any node (one indexed query),
/// and once a minute forgets addresses quiet for a day. Polling rather than NOTIFY: a lost notification cannot leave an
/// address blocked here after another node lifted it, and blocks made here apply at once anyway.
/// </summary>
public sealed class BlacklistRefresher(TemporaryBlacklist blacklist, TimeProvider time, ILogger<BlacklistRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private const int ForgetEvery = 60;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Data.DatabasePoller.RunAsync(Period, time, async (tick, ct) =>
            {
                await blacklist.RefreshAsync(ct);
                if (tick % ForgetEvery == 0)
                {
                    await blacklist.ForgetQuietAsync(ct);
                }
            },
            // The last known set stays in force; said once per outage, not every second.
            ex => logger.LogWarning(ex, "Reloading the temporary blacklist failed; the last known blocks stay in force"),
            stoppingToken);
}
