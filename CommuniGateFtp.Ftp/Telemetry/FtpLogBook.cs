using System.Threading.Channels;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>
/// The FTP log with CommuniGate Pro's levels (LOG-LEVELS): records at or below the live Log Level setting are kept in a
/// ring of the most recent ones (for the API and its live stream) and passed to ILogger, so OpenTelemetry gets them
/// too. Callers pass masked text only (LOG-MASK: <see cref="Protocol.FtpCommand.ToLogString"/>).
/// </summary>
public sealed class FtpLogBook(LiveSettings settings, TimeProvider time, ILogger<FtpLogBook> logger)
{
    public const int Capacity = 1000;

    private readonly Queue<FtpLogRecord> _recent = new();
    private readonly List<Channel<FtpLogRecord>> _listeners = [];
    private readonly Lock _gate = new();

    public bool IsEnabled(CgpLogLevel level) => level != CgpLogLevel.None && level <= settings.Current.LogLevel;

    public void Write(CgpLogLevel level, long sessionId, string client, string text)
    {
        if (!IsEnabled(level))
        {
            return;
        }
        var record = new FtpLogRecord(time.GetUtcNow(), level, sessionId, client, text);
        lock (_gate)
        {
            _recent.Enqueue(record);
            if (_recent.Count > Capacity)
            {
                _recent.Dequeue();
            }
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(record);
            }
        }
        logger.Log(level <= CgpLogLevel.Failures ? LogLevel.Error : level == CgpLogLevel.Problems ? LogLevel.Warning : LogLevel.Information,
            "{FtpLogRecord}", record.ToString());
    }

    /// <summary>A record about the server rather than a session (listener, certificate, database): session 0, client <c>server</c>.</summary>
    public void WriteServer(CgpLogLevel level, string text) => Write(level, 0, "server", text);

    /// <summary>The recent records, oldest first.</summary>
    public IReadOnlyList<FtpLogRecord> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    /// <summary>The recent records, then every new one until cancelled (snapshot first, then changes).</summary>
    public async IAsyncEnumerable<FtpLogRecord> FollowAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<FtpLogRecord>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        FtpLogRecord[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _recent];
            _listeners.Add(channel);
        }
        try
        {
            foreach (var record in snapshot)
            {
                yield return record;
            }
            await foreach (var record in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return record;
            }
        }
        finally
        {
            lock (_gate)
            {
                _listeners.Remove(channel);
            }
        }
    }
}
