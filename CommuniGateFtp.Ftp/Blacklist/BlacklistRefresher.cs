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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        var ticks = 0;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await blacklist.RefreshAsync(stoppingToken);
                if (++ticks % ForgetEvery == 0)
                {
                    await blacklist.ForgetQuietAsync(stoppingToken);
                }
                failing = false;
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The last known set stays in force; said once per outage, not every second.
                if (!failing)
                {
                    logger.LogWarning(ex, "Reloading the temporary blacklist failed; the last known blocks stay in force");
                }
                failing = true;
                await Task.Delay(Period, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
