using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommuniGateFtp.AppHost.Hosting;

/// <summary>
/// Restarts the local PostgreSQL server when it dies: a server that goes from Running straight to Finished while the
/// AppHost runs crashed or was killed, and is started again after a pause that doubles with each crash in a row (1 s …
/// 30 s). A stop someone asked for (the dashboard's Stop, the AppHost shutting down) passes through Stopping first, and
/// is left alone. Each decision is written to the resource's log, so the operator sees it in the Aspire dashboard.
/// </summary>
internal sealed class LocalPostgresWatchdog(IResource server, ResourceNotificationService notifications, ResourceCommandService commands,
    ResourceLoggerService resourceLogs, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var log = resourceLogs.GetLogger(server);
        var pause = FirstPause;
        var runningSince = (DateTimeOffset?)null;
        var previous = (string?)null;
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping.Token))
            {
                if (!ReferenceEquals(update.Resource, server))
                {
                    continue;
                }
                var state = update.Snapshot.State?.Text;
                var died = previous == KnownResourceStates.Running && state is ("Exited" or "Finished");
                previous = state;
                if (state == KnownResourceStates.Running)
                {
                    runningSince ??= time.GetUtcNow();
                }
                if (!died || runningSince is null)
                {
                    continue;
                }
                pause = time.GetUtcNow() - runningSince > StableAfter ? FirstPause : pause;
                runningSince = null;
                log.LogWarning("PostgreSQL exited with code {ExitCode}; restarting it in {Pause} s", update.Snapshot.ExitCode, pause.TotalSeconds);
                await Task.Delay(pause, time, stopping.Token);
                var result = await commands.ExecuteCommandAsync(server, KnownResourceCommands.StartCommand, stopping.Token);
                if (!result.Success)
                {
                    log.LogError("PostgreSQL could not be restarted: {Error}", result.Message);
                }
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping: nothing is restarted any more.
        }
    }
}
