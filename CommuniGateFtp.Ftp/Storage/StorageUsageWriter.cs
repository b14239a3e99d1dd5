namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Writes the usage changes <see cref="StorageUsage"/> booked in memory: a moment after the first one, all accounts in
/// one statement, so a burst of small files costs one round trip per interval instead of one per file; at stop, the
/// rest (it stops after the listener, so after the last upload has been booked).
/// </summary>
public sealed class StorageUsageWriter(StorageUsage usage, TimeProvider time, ILogger<StorageUsageWriter> logger) : BackgroundService
{
    /// <summary>How long changes gather before they are written (also how late another node's usage view may be).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!usage.HasBooked)
                {
                    await usage.WaitForBookedAsync(stoppingToken);
                }
                await Task.Delay(Interval, time, stoppingToken);
                await usage.FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // StopAsync writes what is left
            }
            catch (Exception ex) when (ex is Data.DatabaseUnavailableException or Npgsql.NpgsqlException)
            {
                // The changes stay booked; a reservation meanwhile still takes its account's along.
                logger.LogWarning("Storage usage not written yet ({Message}); trying again", ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await usage.FlushAsync(cancellationToken);
        }
        // ObjectDisposedException: the host disposed the services before this stop (a second stop after the first one
        // wrote everything, dotnet/aspnetcore#40271); what may be left is recounted as well.
        catch (Exception ex) when (ex is Data.DatabaseUnavailableException or Npgsql.NpgsqlException or OperationCanceledException
                                       or ObjectDisposedException)
        {
            logger.LogWarning("Storage usage not written at stop ({Message}); the next start recounts it from the disk", ex.Message);
        }
    }
}
