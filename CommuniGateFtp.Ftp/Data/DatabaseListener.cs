using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// LISTENs on PostgreSQL channels for as long as the service runs, on a connection of its own. After a lost connection
/// it listens again, backing off up to 30 s and saying in the FTP log what waits meanwhile; after every (re)connection
/// it calls <c>listening</c>, so the caller catches up on what it may have missed.
/// </summary>
public static class DatabaseListener
{
    /// <param name="waiting">What waits while the database is unreachable, e.g. "settings changes wait until it is back".</param>
    /// <param name="notified">Called for each notification, on the connection's thread: must not block.</param>
    /// <param name="lost">Called when the connection is lost, before waiting to listen again: nothing is heard meanwhile.</param>
    public static Task RunAsync(IServiceScopeFactory scopes, Telemetry.FtpLogBook log, string waiting, IReadOnlyList<string> channels,
        Action<NpgsqlNotificationEventArgs> notified, Func<CancellationToken, Task> listening, CancellationToken stoppingToken,
        Action? lost = null) =>
        Reconnecting(log, waiting, lost).ExecuteAsync(async ct => await ListenAsync(scopes, channels, notified, listening, ct), stoppingToken).AsTask();

    private static async Task ListenAsync(IServiceScopeFactory scopes, IReadOnlyList<string> channels, Action<NpgsqlNotificationEventArgs> notified,
        Func<CancellationToken, Task> listening, CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<FtpDbContext>().Database.GetConnectionString()!;
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => notified(e);
        await using (var listen = new NpgsqlCommand(string.Concat(channels.Select(c => $"LISTEN {c};")), connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        await listening(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private static ResiliencePipeline Reconnecting(Telemetry.FtpLogBook log, string waiting, Action? lost) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<IOException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(30),
            OnRetry = args =>
            {
                lost?.Invoke();
                // LOG-CONTENT 1: the database is unreachable.
                log.WriteServer(Telemetry.CgpLogLevel.Failures,
                    $"database unreachable ({args.Outcome.Exception?.Message}); {waiting}; listening again in {args.RetryDelay.TotalSeconds:F1} s");
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}
