namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// With inline socket completions (the FTP sockets: <see cref="InlineSocketCompletions"/>) the code after an awaited
/// socket operation runs on one of the socket event threads, each of which serves its share of every socket in the
/// process. That is what makes a small file cheap: no thread-pool hand-off and wake-up per operation. But work that may
/// block for a while there (a large file read or write, which the kernel may throttle; a directory read; a call into
/// GSSAPI) would hold up every other connection of that thread, so it first leaves for the thread pool with
/// <see cref="LeaveAsync"/>. Off an event thread (a thread-pool thread: always, without inline completions) it costs
/// nothing.
/// </summary>
public static class SocketEventThread
{
    /// <summary>
    /// The largest file read or write done where it stands: a small file's whole transfer (and the page cache answers
    /// at once); a larger one leaves the event thread first.
    /// </summary>
    public const int InlineFileBytes = 64 << 10;

    /// <summary>
    /// Cancels <paramref name="source"/>; on a socket event thread its callbacks run on the thread pool instead of here.
    /// A callback may wait for socket I/O that this very thread has to report (Npgsql's cancel request of a running
    /// query does), which would never come.
    /// </summary>
    public static void Cancel(CancellationTokenSource source)
    {
        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            source.Cancel();
            return;
        }
        // The token reads as cancelled at once; only the callbacks wait for a pool thread. Their exceptions are
        // observed here, as Cancel() would have thrown them to a caller that has nothing to do with them.
        _ = source.CancelAsync().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Continues on a thread-pool thread when called on a socket event thread (any thread outside the pool).</summary>
    public static async ValueTask LeaveAsync()
    {
        if (!Thread.CurrentThread.IsThreadPoolThread)
        {
            await Task.Yield(); // no synchronization context in this service: the continuation goes to the thread pool
        }
    }
}
