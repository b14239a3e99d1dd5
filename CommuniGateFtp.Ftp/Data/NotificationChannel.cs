using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// LISTENs on one PostgreSQL channel for as long as the host runs, on a connection of its own: each notification's
/// payload goes to <c>heard</c>; after every (re)connection <c>listening</c> runs (whatever changed while nobody listened
/// must be picked up there); a lost connection is retried with backoff, reported through <c>failed</c>.
/// </summary>
public static class NotificationChannel
{
    public static Task ListenAsync(IServiceScopeFactory scopes, string channel, Action<string> heard, Func<CancellationToken, Task> listening,
        Action<Exception?, TimeSpan> failed, CancellationToken stoppingToken)
    {
        var reconnect = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<IOException>().Handle<TimeoutException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    failed(args.Outcome.Exception, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return reconnect.ExecuteAsync(async ct => await ListenOnceAsync(scopes, channel, heard, listening, ct), stoppingToken).AsTask();
    }

    private static async Task ListenOnceAsync(IServiceScopeFactory scopes, string channel, Action<string> heard, Func<CancellationToken, Task> listening,
        CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<FtpDbContext>().Database.GetConnectionString()!;
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        await listening(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }
}
