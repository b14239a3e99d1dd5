using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// Marks the FTP service's own sockets (control connections, passive listeners, data connections) for inline
/// completions: the code after an awaited operation on them runs on the socket event thread that saw the event, not
/// after a hand-off to the thread pool. A small file's STOR-RETR-DELE cycle then costs about 6 thread switches of the
/// service instead of about 26, and a quarter less of its CPU (docs/benchmarks.md, sixth pass).
/// </summary>
/// <remarks>
/// <para>Per socket, not process-wide (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>): PostgreSQL's sockets
/// must keep completing on the pool, because Npgsql's query cancellation does synchronous I/O that an event thread has
/// to report, while the cancelled read's completion waits for that cancellation (a deadlock found with the process-wide
/// switch, fifth pass). The runtime has the per-socket switch but keeps it internal; it is reached with an
/// <see cref="UnsafeAccessorAttribute"/>, and a runtime without it leaves the sockets as they are (one warning).</para>
/// <para>What runs inline must not block: larger file I/O, directory reads and GSSAPI leave first
/// (<see cref="SocketEventThread.LeaveAsync"/>), and cancellation from an event thread goes through
/// <see cref="SocketEventThread.Cancel"/>. <c>Ftp:InlineSocketCompletions=false</c> turns it off.</para>
/// </remarks>
public sealed class InlineSocketCompletions(IOptions<FtpOptions> options, ILogger<InlineSocketCompletions> logger)
{
    private readonly bool _enabled = options.Value.InlineSocketCompletions;
    private static int s_unavailable;

    /// <summary>Inline completions for this socket when enabled (a no-op otherwise).</summary>
    public void Apply(Socket socket)
    {
        if (!_enabled || Volatile.Read(ref s_unavailable) != 0)
        {
            return;
        }
        try
        {
            SetPreferInlineCompletions(socket, true);
        }
        catch (MissingMethodException)
        {
            if (Interlocked.Exchange(ref s_unavailable, 1) == 0)
            {
                logger.LogWarning("This .NET runtime has no per-socket inline completions; FTP sockets complete on the thread pool");
            }
        }
    }

    /// <summary>The runtime's variable for the number of socket event threads, read once, at the first socket.</summary>
    public const string EventThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>
    /// One socket event thread per core when the FTP sockets complete inline (unless the operator chose a number):
    /// the runtime starts one per 30 cores, and that one thread would then run every session's commands and small
    /// transfers while the other cores idle. Must run before the process's first socket.
    /// </summary>
    public static void ConfigureEventThreads(IConfiguration configuration)
    {
        var enabled = configuration.GetValue($"{FtpOptions.SectionName}:{nameof(FtpOptions.InlineSocketCompletions)}", true);
        if (enabled && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EventThreadsVariable)))
        {
            Environment.SetEnvironmentVariable(EventThreadsVariable, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_PreferInlineCompletions")]
    private static extern void SetPreferInlineCompletions(Socket socket, bool value);
}
