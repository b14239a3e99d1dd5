using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// <c>/api/sessions/stream</c>: a <c>snapshot</c> (this node's sessions and recent finished transfers), then
/// <c>opened</c>, <c>changed</c> and <c>closed</c> with the session's record (its running transfer inside, bytes
/// moving), and <c>transfer</c> for each file transfer that finishes. A Domain administrator's stream carries its Domain's
/// sessions only: a session that logs in to its Domain is <c>opened</c> for it then, and <c>closed</c> when it leaves.
/// </summary>
public sealed class SessionsStream : LiveStream
{
    private readonly LiveFollower<FtpSession> _sessions;
    private readonly LiveFollower<FinishedTransfer> _transfers;
    private readonly SessionViews _views;
    private readonly ManagementCaller _caller;
    private readonly HashSet<long> _shown = []; // the sessions this stream's reader knows, when it sees only some

    public SessionsStream(SessionRegistry registry, TransferHistory history, SessionViews views, ManagementCaller caller)
    {
        _sessions = registry.Follow(Signal);
        _transfers = history.Feed.Follow(Signal);
        (_views, _caller) = (views, caller);
    }

    public override IEnumerable<ServerSentEvent> Start()
    {
        var sessions = _sessions.Snapshot.Where(_caller.Sees).ToList();
        _shown.UnionWith(sessions.Select(s => s.Id));
        return [new ServerSentEvent("snapshot", new SessionsSnapshot(_views.Node, [.. sessions.Select(_views.Of)],
            [.. _transfers.Snapshot.Where(t => _caller.SeesAddress(t.Account)).Select(_views.Of)]))];
    }

    public override IEnumerable<ServerSentEvent> Changes()
    {
        var sessions = new List<LiveChange<FtpSession>>();
        var transfers = new List<LiveChange<FinishedTransfer>>();
        _sessions.TakeAll(sessions); // session changes are merged, never dropped
        var dropped = _transfers.TakeAll(transfers);
        return [.. sessions.Select(EventFor).OfType<ServerSentEvent>(), .. Dropped(dropped),
            .. transfers.Where(c => _caller.SeesAddress(c.Item.Account)).Select(c => new ServerSentEvent("transfer", _views.Of(c.Item)))];
    }

    // A server administrator sees every change as it is; a Domain administrator sees sessions enter and leave its Domain.
    private ServerSentEvent? EventFor(LiveChange<FtpSession> change)
    {
        if (_caller.IsServerAdministrator)
        {
            return new ServerSentEvent(Name(change.Kind), _views.Of(change.Item));
        }
        var id = change.Item.Id;
        var kind = change.Kind == LiveChangeKind.Closed || !_caller.Sees(change.Item)
            ? (_shown.Remove(id) ? LiveChangeKind.Closed : (LiveChangeKind?)null)
            : _shown.Add(id) ? LiveChangeKind.Opened : change.Kind;
        return kind is { } shown ? new ServerSentEvent(Name(shown), _views.Of(change.Item)) : null;
    }

    public override void Dispose()
    {
        _sessions.Dispose();
        _transfers.Dispose();
    }

    /// <summary>The event name of a session change: <c>opened</c>, <c>changed</c> or <c>closed</c>.</summary>
    public static string Name(LiveChangeKind kind) => kind switch
    {
        LiveChangeKind.Opened => "opened",
        LiveChangeKind.Closed => "closed",
        _ => "changed",
    };
}
