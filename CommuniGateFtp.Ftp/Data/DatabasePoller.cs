namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// Runs a piece of database work every period for as long as the service runs. A failure (the database away) does not
/// end the loop: <c>outage</c> hears of it once per outage, not every period, <c>failed</c> after every failure, and the
/// work is tried again a period later.
/// </summary>
public static class DatabasePoller
{
    /// <param name="work">The work of one period; its argument counts the periods (1, 2, …) for work done every n-th.</param>
    public static async Task RunAsync(TimeSpan period, TimeProvider time, Func<int, CancellationToken, Task> work, Action<Exception> outage,
        CancellationToken stoppingToken, Action? failed = null)
    {
        using var timer = new PeriodicTimer(period, time);
        var ticks = 0;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(++ticks, stoppingToken);
                failing = false;
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!failing)
                {
                    outage(ex);
                }
                failing = true;
                failed?.Invoke();
                await Task.Delay(period, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
