namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// With inline socket completions (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>, an operator's choice: README)
/// the code after an awaited socket operation runs on one of the socket event threads (one per core), each of which
/// serves its share of every socket in the process. That is what makes a small file cheap: no thread-pool hand-off and
/// wake-up per operation. But work that may block for a while there (a large file read or write, which the kernel may
/// throttle; a directory read; a call into GSSAPI) would hold up every other connection of that thread, so it first
/// leaves for the thread pool with <see cref="LeaveAsync"/>. Off an event thread (a thread-pool thread: always, without
/// inline completions) it costs nothing.
/// </summary>
public static class SocketEventThread
{
    /// <summary>
    /// The largest file read or write done where it stands: a small file's whole transfer (and the page cache answers
    /// at once); a larger one leaves the event thread first.
    /// </summary>
    public const int InlineFileBytes = 64 << 10;

    /// <summary>Continues on a thread-pool thread when called on a socket event thread (any thread outside the pool).</summary>
    public static async ValueTask LeaveAsync()
    {
        if (!Thread.CurrentThread.IsThreadPoolThread)
        {
            await Task.Yield(); // no synchronization context in this service: the continuation goes to the thread pool
        }
    }
}
