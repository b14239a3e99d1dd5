using System.Data.Common;
using CommuniGateFtp.Ftp.Telemetry;
using Npgsql;
using Polly;
using Polly.Timeout;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// Every database call on a session's path goes through here: a scope with its own <see cref="FtpDbContext"/> (whose
/// retrying execution strategy replays a transient failure, such as a pooled connection broken by a database restart),
/// and a time budget for the whole call, so a paused or lost database costs a client a few seconds and a clear reply instead of a hung command.
/// An outage and the recovery are logged once each at Failures level.
/// </summary>
public sealed class SessionDatabase
{
    /// <summary>
    /// How long a call may go without the database answering anyone before it counts as an outage. A call that takes
    /// longer while other calls are being answered meets a busy database, not a lost one, and waits on, up to
    /// <see cref="LongestWait"/> (1,000 busy sessions on an overloaded machine queue for the pool's connections).
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    /// <summary>The most any one call waits, busy database or not.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory _scopes;
    private readonly FtpLogBook _log;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;
    private int _down;
    private long _lastAnswer;

    public SessionDatabase(IServiceScopeFactory scopes, FtpLogBook log, TimeProvider time)
    {
        (_scopes, _log, _time) = (scopes, log, time);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(LongestWait) // EF's retrying execution strategy replays transient failures inside it
            .Build();
    }

    public async Task<T> RunAsync<T>(Func<FtpDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Polly's timeout only asks the call to stop, and Npgsql does not always listen (a connection that is still being
        // opened waits for its own Timeout): the caller stops waiting when the budget says so, whatever the call does. A
        // call given up that way ends by itself later; its failure is observed so it never surfaces as an unobserved task
        // exception.
        var call = _pipeline.ExecuteAsync(async token =>
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<FtpDbContext>(), token);
        }, cancellationToken).AsTask();
        _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        T result;
        var started = _time.GetTimestamp();
        try
        {
            while (true)
            {
                try
                {
                    result = await call.WaitAsync(Budget, _time, cancellationToken);
                    break;
                }
                catch (TimeoutException) when (AnsweredWithin(Budget) && _time.GetElapsedTime(started) < LongestWait)
                {
                    // Others are being answered: the database is busy, not gone.
                }
            }
        }
        catch (Exception ex) when (IsOutage(ex) && !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _down, 1) == 0)
            {
                _log.WriteServer(CgpLogLevel.Failures, $"database unavailable: {ex.Message}; logins get 421 and commands that need it 451");
            }
            throw new DatabaseUnavailableException(ex);
        }
        Interlocked.Exchange(ref _lastAnswer, _time.GetTimestamp());
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            _log.WriteServer(CgpLogLevel.Failures, "database available again");
        }
        return result;
    }

    private bool AnsweredWithin(TimeSpan span) =>
        Interlocked.Read(ref _lastAnswer) is var last and > 0 && _time.GetElapsedTime(last) < span;

    // Out of time, or a connection-level failure; an error the server reported about the statement (a PostgresException
    // such as a constraint violation) is the caller's, not an outage.
    private static bool IsOutage(Exception ex) => ex switch
    {
        TimeoutRejectedException or TimeoutException => true,
        PostgresException postgres => postgres.IsTransient,
        DbException => true,
        _ => ex.InnerException is { } inner && IsOutage(inner),
    };

    public Task RunAsync(Func<FtpDbContext, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync<bool>(async (db, token) =>
        {
            await work(db, token);
            return true;
        }, cancellationToken);
}
