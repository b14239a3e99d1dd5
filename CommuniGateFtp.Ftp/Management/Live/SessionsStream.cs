using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// <c>/api/sessions/stream</c>: a <c>snapshot</c> (every node's sessions and this node's recent finished transfers), then
/// <c>opened</c>, <c>changed</c> and <c>closed</c> with the session's record (its running transfer inside, bytes
/// moving; another node's sessions as that node publishes them), and <c>transfer</c> for each file transfer that
/// finishes here.
/// </summary>
public sealed class SessionsStream : LiveStream
{
    private readonly LiveFollower<FtpSession> _sessions;
    private readonly LiveFollower<FinishedTransfer> _transfers;
    private readonly LiveFollower<SessionResponse> _remote;
    private readonly SessionViews _views;

    public SessionsStream(SessionRegistry registry, TransferHistory history, SessionViews views, RemoteSessions remote)
    {
        _sessions = registry.Follow(Signal);
        _transfers = history.Feed.Follow(Signal);
        _remote = remote.Follow(Signal);
        _views = views;
    }

    public override IEnumerable<ServerSentEvent> Start() =>
    [
        new ServerSentEvent("snapshot", new SessionsSnapshot(_views.Node, [.. _sessions.Snapshot.Select(_views.Of), .. _remote.Snapshot],
            [.. _transfers.Snapshot.Select(_views.Of)])),
    ];

    public override IEnumerable<ServerSentEvent> Changes()
    {
        var sessions = new List<LiveChange<FtpSession>>();
        var transfers = new List<LiveChange<FinishedTransfer>>();
        var remote = new List<LiveChange<SessionResponse>>();
        _sessions.TakeAll(sessions); // session changes are merged, never dropped
        _remote.TakeAll(remote);
        var dropped = _transfers.TakeAll(transfers);
        return [.. sessions.Select(c => new ServerSentEvent(Name(c.Kind), _views.Of(c.Item))),
            .. remote.Select(c => new ServerSentEvent(Name(c.Kind), c.Item)), .. Dropped(dropped),
            .. transfers.Select(c => new ServerSentEvent("transfer", _views.Of(c.Item)))];
    }

    public override void Dispose()
    {
        _sessions.Dispose();
        _transfers.Dispose();
        _remote.Dispose();
    }

    /// <summary>The event name of a session change: <c>opened</c>, <c>changed</c> or <c>closed</c>.</summary>
    public static string Name(LiveChangeKind kind) => kind switch
    {
        LiveChangeKind.Opened => "opened",
        LiveChangeKind.Closed => "closed",
        _ => "changed",
    };
}
