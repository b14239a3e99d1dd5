using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// <c>/api/sessions/{id}/log/stream</c>: one session's protocol view while someone watches it, whatever the server's
/// Log Level: a <c>snapshot</c> (the session's record), then <c>command</c> (masked as the log masks it) and
/// <c>reply</c> events, <c>changed</c> when the session changes, and <c>closed</c> last, which ends the stream. Lines
/// are made only while at least one such stream is open: nothing is recorded for sessions nobody watches.
/// </summary>
public sealed class SessionProtocolStream : LiveStream
{
    private readonly FtpSession _session;
    private readonly LiveFollower<ProtocolLine> _lines;
    private readonly LiveFollower<FtpSession> _changes;
    private readonly SessionViews _views;
    private readonly bool _goneAlready;

    public SessionProtocolStream(FtpSession session, SessionRegistry registry, SessionViews views)
    {
        (_session, _views) = (session, views);
        _lines = session.Activity.Protocol.Follow(Signal);
        _changes = registry.Follow(Signal); // its own snapshot is not needed: the session's record is this stream's
        _goneAlready = !registry.TryGet(session.Id, out _); // closed between the route's look-up and now
        IsComplete = _goneAlready;
    }

    public override IEnumerable<ServerSentEvent> Start() => _goneAlready
        ? [new ServerSentEvent("snapshot", _views.Of(_session)), new ServerSentEvent("closed", _views.Of(_session))]
        : [new ServerSentEvent("snapshot", _views.Of(_session))];

    public override IEnumerable<ServerSentEvent> Changes()
    {
        var lines = new List<LiveChange<ProtocolLine>>();
        var changes = new List<LiveChange<FtpSession>>();
        var dropped = _lines.TakeAll(lines);
        _changes.TakeAll(changes);
        var mine = changes.Where(c => c.Item == _session).Select(c => c.Kind).ToList();
        IsComplete = mine.Contains(LiveChangeKind.Closed);
        return [.. Dropped(dropped),
            .. lines.Select(l => new ServerSentEvent(l.Item.Reply is null ? "command" : "reply", _views.Of(_session.Id, l.Item))),
            .. mine.Select(kind => new ServerSentEvent(SessionsStream.Name(kind), _views.Of(_session)))];
    }

    public override void Dispose()
    {
        _lines.Dispose();
        _changes.Dispose();
    }
}
