using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// What a session has done, for the live views: its last command and activity, the bytes of its finished transfers,
/// and its protocol lines for whoever watches them (nobody, usually: then nothing is built or kept).
/// </summary>
public sealed class SessionActivity(DateTimeOffset connectedAt)
{
    /// <summary>Protocol lines one watcher may have waiting before the oldest are dropped.</summary>
    public const int WatcherCapacity = 1000;

    private long _lastActivityTicks = connectedAt.UtcTicks;
    private long _bytesIn;
    private long _bytesOut;
    private volatile FtpCommand? _lastCommand;

    /// <summary>The last command received; shown through <see cref="FtpCommand.ToLogString"/> only, so PASS stays masked.</summary>
    public FtpCommand? LastCommand => _lastCommand;

    public DateTimeOffset LastActivityAt => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Bytes received by the session's finished transfers.</summary>
    public long BytesIn => Interlocked.Read(ref _bytesIn);

    /// <summary>Bytes sent by the session's finished transfers (listings too).</summary>
    public long BytesOut => Interlocked.Read(ref _bytesOut);

    /// <summary>The session's commands and replies, for its per-session log stream.</summary>
    public LiveFeed<ProtocolLine> Protocol { get; } = new(WatcherCapacity);

    /// <summary>The check on the hot path: a line is built only when this is true.</summary>
    public bool IsWatched => Protocol.HasFollowers;

    public void CommandReceived(FtpCommand command, DateTimeOffset at)
    {
        _lastCommand = command; // the object the parser made anyway: no string is built here
        Interlocked.Exchange(ref _lastActivityTicks, at.UtcTicks);
        if (IsWatched)
        {
            Protocol.Append(ProtocolLine.Of(command, at));
        }
    }

    public void ReplySent(FtpReply reply, DateTimeOffset at)
    {
        if (IsWatched)
        {
            Protocol.Append(ProtocolLine.Of(reply, at));
        }
    }

    public void TransferFinished(TransferDirection direction, long bytes, DateTimeOffset at)
    {
        Interlocked.Add(ref direction == TransferDirection.Receive ? ref _bytesIn : ref _bytesOut, bytes);
        Interlocked.Exchange(ref _lastActivityTicks, at.UtcTicks);
    }
}
