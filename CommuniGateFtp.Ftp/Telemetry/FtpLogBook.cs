using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>
/// The FTP log with CommuniGate Pro's levels (LOG-LEVELS): records at or below the live Log Level setting are kept in a
/// ring of the most recent ones (for the API and its live stream, through <see cref="Feed"/>) and passed to ILogger, so
/// OpenTelemetry gets them too. Callers pass masked text only (LOG-MASK: <see cref="Protocol.FtpCommand.ToLogString"/>).
/// </summary>
public sealed class FtpLogBook(LiveSettings settings, TimeProvider time, ILogger<FtpLogBook> logger)
{
    public const int Capacity = 1000;

    /// <summary>The recent records (the snapshot), then each new one; a follower that lags loses the oldest it has not read.</summary>
    public LiveFeed<FtpLogRecord> Feed { get; } = new(followerCapacity: Capacity, history: Capacity);

    public bool IsEnabled(CgpLogLevel level) => level != CgpLogLevel.None && level <= settings.Current.LogLevel;

    public void Write(CgpLogLevel level, long sessionId, string client, string text)
    {
        if (!IsEnabled(level))
        {
            return;
        }
        var record = new FtpLogRecord(time.GetUtcNow(), level, sessionId, client, text);
        Feed.Append(record);
        var loggerLevel = level <= CgpLogLevel.Failures ? LogLevel.Error : level == CgpLogLevel.Problems ? LogLevel.Warning : LogLevel.Information;
        if (logger.IsEnabled(loggerLevel)) // the record's text (its time formatted) is built only for a logger that takes it
        {
            logger.Log(loggerLevel, "{FtpLogRecord}", record.ToString());
        }
    }

    /// <summary>A record about the server rather than a session (listener, certificate, database): session 0, client <c>server</c>.</summary>
    public void WriteServer(CgpLogLevel level, string text) => Write(level, 0, "server", text);

    /// <summary>The recent records, oldest first.</summary>
    public IReadOnlyList<FtpLogRecord> Recent() => Feed.Recent();
}
