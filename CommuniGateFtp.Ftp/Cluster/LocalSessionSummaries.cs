using System.Text.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Management;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Decides which of this node's sessions the other nodes must hear about: a session that opened, closed, or changed its
/// state, account, protection or transfer at once; counters (bytes, last command, directory) at most every
/// <see cref="CounterRefresh"/>. The cluster sees summaries, never a write per byte. A session that did nothing since it
/// was last looked at (<see cref="FtpSession.Changes"/>, no transfer running) costs nothing here: no view is built, so
/// thousands of idle sessions make no garbage every heartbeat, and only a small record per session is kept.
/// </summary>
public sealed class LocalSessionSummaries(SessionRegistry registry, SessionViews views)
{
    /// <summary>How stale another node's view of a running transfer's bytes or a session's last command may be.</summary>
    public static readonly TimeSpan CounterRefresh = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<long, Written> _written = [];
    private long _take;

    /// <summary>What to write now: summaries to (re)write, and the ids of sessions that closed since the last time.</summary>
    public (IReadOnlyList<(long Id, string Summary)> Changed, IReadOnlyList<long> Closed) Take(DateTimeOffset now)
    {
        var take = ++_take;
        List<(long, string)>? changed = null;
        foreach (var session in registry.Live)
        {
            var changes = session.Changes;
            if (_written.TryGetValue(session.Id, out var written) && written.Changes == changes && session.CurrentTransfer is null)
            {
                written.Take = take; // nothing happened since it was last looked at
                continue;
            }
            var view = views.Of(session) with { IdleSeconds = 0 }; // readers tick it on from LastActivityAt
            var shape = Shape.Of(view);
            if (written is not null && written.Shape == shape && now - written.At < CounterRefresh)
            {
                written.Take = take; // counters only, written lately: they wait (Changes stays as written, so this comes back)
                continue;
            }
            (changed ??= []).Add((session.Id, JsonSerializer.Serialize(view, Json)));
            _written[session.Id] = new Written(shape, changes, now) { Take = take };
        }
        List<long>? closed = null;
        foreach (var (id, written) in _written)
        {
            if (written.Take != take)
            {
                _written.Remove(id);
                (closed ??= []).Add(id);
            }
        }
        return (changed ?? [], closed ?? []);
    }

    /// <summary>Forgets what was written: the next <see cref="Take"/> writes every session again (the node's row was lost).</summary>
    public void Forget() => _written.Clear();

    private sealed record Written(Shape Shape, long Changes, DateTimeOffset At)
    {
        public long Take { get; set; }
    }

    private sealed record Shape(string State, string? Account, bool ControlTls, string Protection, string? Command, string? Path)
    {
        public static Shape Of(SessionResponse s) => new(s.State, s.Account, s.ControlTls, s.Protection, s.Transfer?.Command, s.Transfer?.Path);
    }
}
