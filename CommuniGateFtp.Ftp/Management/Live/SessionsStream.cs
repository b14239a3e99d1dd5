using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// <c>/api/sessions/stream</c>: a <c>snapshot</c> (every node's sessions and this node's recent finished transfers), then
/// <c>opened</c>, <c>changed</c> and <c>closed</c> with the session's record (its running transfer inside, bytes
/// moving; another node's sessions as that node publishes them), and <c>transfer</c> for each file transfer that
/// finishes here. A Domain administrator's stream carries its Domain's sessions only: a session that logs in to its
/// Domain is <c>opened</c> for it then, and <c>closed</c> when it leaves.
/// </summary>
public sealed class SessionsStream : LiveStream
{
    private readonly LiveFollower<FtpSession> _sessions;
    private readonly LiveFollower<FinishedTransfer> _transfers;
    private readonly LiveFollower<SessionResponse> _remote;
    private readonly SessionViews _views;
    private readonly ManagementCaller _caller;
    private readonly HashSet<long> _shown = []; // the sessions this stream's reader knows, when it sees only some

    public SessionsStream(SessionRegistry registry, TransferHistory history, SessionViews views, RemoteSessions remote, ManagementCaller caller)
    {
        _sessions = registry.Follow(Signal);
        _transfers = history.Feed.Follow(Signal);
        _remote = remote.Follow(Signal);
        (_views, _caller) = (views, caller);
    }

    public override IEnumerable<ServerSentEvent> Start()
    {
        List<SessionResponse> sessions =
            [.. _sessions.Snapshot.Where(_caller.Sees).Select(_views.Of), .. _remote.Snapshot.Where(s => _caller.SeesAddress(s.Account))];
        _shown.UnionWith(sessions.Select(s => s.Id));
        return [new ServerSentEvent("snapshot", new SessionsSnapshot(_views.Node, sessions,
            [.. _transfers.Snapshot.Where(t => _caller.SeesAddress(t.Account)).Select(_views.Of)]))];
    }

    public override IEnumerable<ServerSentEvent> Changes()
    {
        var sessions = new List<LiveChange<FtpSession>>();
        var transfers = new List<LiveChange<FinishedTransfer>>();
        var remote = new List<LiveChange<SessionResponse>>();
        _sessions.TakeAll(sessions); // session changes are merged, never dropped
        _remote.TakeAll(remote);
        var dropped = _transfers.TakeAll(transfers);
        return [.. sessions.Select(c => EventFor(c.Kind, _views.Of(c.Item), _caller.Sees(c.Item))).OfType<ServerSentEvent>(),
            .. remote.Select(c => EventFor(c.Kind, c.Item, _caller.SeesAddress(c.Item.Account))).OfType<ServerSentEvent>(),
            .. Dropped(dropped),
            .. transfers.Where(c => _caller.SeesAddress(c.Item.Account)).Select(c => new ServerSentEvent("transfer", _views.Of(c.Item)))];
    }

    // A server administrator sees every change as it is; a Domain administrator sees sessions enter and leave its Domain.
    private ServerSentEvent? EventFor(LiveChangeKind change, SessionResponse session, bool visible)
    {
        if (_caller.IsServerAdministrator)
        {
            return new ServerSentEvent(Name(change), session);
        }
        var kind = change == LiveChangeKind.Closed || !visible
            ? (_shown.Remove(session.Id) ? LiveChangeKind.Closed : (LiveChangeKind?)null)
            : _shown.Add(session.Id) ? LiveChangeKind.Opened : change;
        return kind is { } shown ? new ServerSentEvent(Name(shown), session) : null;
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
