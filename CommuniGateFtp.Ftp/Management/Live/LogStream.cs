using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// <c>/api/log/stream</c>: the recent records, then each new one. As it always was, each record is a <c>log</c> event
/// whose data is the record in CommuniGate Pro's format; with <c>?format=json</c> the snapshot is one <c>snapshot</c>
/// event (an array of typed records) and each new one a <c>record</c> event.
/// </summary>
public sealed class LogStream : LiveStream
{
    private readonly LiveFollower<FtpLogRecord> _follower;
    private readonly bool _json;

    public LogStream(FtpLogBook log, bool json)
    {
        _follower = log.Feed.Follow(Signal);
        _json = json;
    }

    public override IEnumerable<ServerSentEvent> Start() => _json
        ? [new ServerSentEvent("snapshot", _follower.Snapshot.Select(LogViews.Of).ToList())]
        : [.. _follower.Snapshot.Select(r => new ServerSentEvent("log", r.ToString()))];

    public override IEnumerable<ServerSentEvent> Changes()
    {
        var changes = new List<LiveChange<FtpLogRecord>>();
        var dropped = _follower.TakeAll(changes);
        return [.. Dropped(dropped), .. changes.Select(c => _json
            ? new ServerSentEvent("record", LogViews.Of(c.Item))
            : new ServerSentEvent("log", c.Item.ToString()))];
    }

    public override void Dispose() => _follower.Dispose();
}
