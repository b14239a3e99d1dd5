using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// <c>/api/blacklist/temporary/stream</c>: a <c>snapshot</c> of the addresses temporarily blacklisted now (every node's
/// blocks, as this node knows them: its own at once, the others' within a second), then <c>added</c>, <c>changed</c>
/// and <c>removed</c> as blocks start, grow and end.
/// </summary>
public sealed class BlacklistStream : LiveStream
{
    private readonly LiveFollower<BlacklistState> _follower;
    private readonly string _node;

    public BlacklistStream(BlockedAddresses blocked, string node)
    {
        _follower = blocked.Follow(Signal);
        _node = node;
    }

    public override IEnumerable<ServerSentEvent> Start() =>
        [new ServerSentEvent("snapshot", new BlacklistSnapshot(_node, [.. _follower.Snapshot.Select(BlacklistViews.Of)]))];

    public override IEnumerable<ServerSentEvent> Changes()
    {
        var changes = new List<LiveChange<BlacklistState>>();
        _follower.TakeAll(changes); // changes of one address merge, never drop
        return [.. changes.Select(c => new ServerSentEvent(Name(c.Kind), BlacklistViews.Of(c.Item)))];
    }

    public override void Dispose() => _follower.Dispose();

    private static string Name(LiveChangeKind kind) => kind switch
    {
        LiveChangeKind.Opened => "added",
        LiveChangeKind.Closed => "removed",
        _ => "changed",
    };
}
