using Npgsql;
using Polly;
using Polly.Retry;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// The retry of a LISTEN connection: after a lost connection, listen again, backing off up to 30 s, for as long as the
/// service runs, saying in the FTP log what waits meanwhile.
/// </summary>
public static class ListenReconnect
{
    /// <param name="waiting">What waits while the database is unreachable, e.g. "settings changes wait until it is back".</param>
    public static ResiliencePipeline Pipeline(Telemetry.FtpLogBook log, string waiting) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<IOException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(30),
            OnRetry = args =>
            {
                // LOG-CONTENT 1: the database is unreachable.
                log.WriteServer(Telemetry.CgpLogLevel.Failures,
                    $"database unreachable ({args.Outcome.Exception?.Message}); {waiting}; listening again in {args.RetryDelay.TotalSeconds:F1} s");
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}
