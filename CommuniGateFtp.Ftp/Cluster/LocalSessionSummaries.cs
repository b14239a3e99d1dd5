using System.Text.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Management;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Decides which of this node's sessions the other nodes must hear about: a session that opened, closed, or changed its
/// state, account, protection or transfer at once; counters (bytes, last command, directory) at most every
/// <see cref="CounterRefresh"/>. The cluster sees summaries, never a write per byte.
/// </summary>
public sealed class LocalSessionSummaries(SessionRegistry registry, SessionViews views)
{
    /// <summary>How stale another node's view of a running transfer's bytes or a session's last command may be.</summary>
    public static readonly TimeSpan CounterRefresh = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Dictionary<long, Written> _written = [];

    /// <summary>What to write now: summaries to (re)write, and the ids of sessions that closed since the last time.</summary>
    public (IReadOnlyList<(long Id, string Summary)> Changed, IReadOnlyList<long> Closed) Take(DateTimeOffset now)
    {
        var changed = new List<(long, string)>();
        var next = new Dictionary<long, Written>();
        foreach (var session in registry.Sessions)
        {
            var view = views.Of(session) with { IdleSeconds = 0 }; // readers tick it on from LastActivityAt
            var shape = Shape.Of(view);
            if (_written.TryGetValue(session.Id, out var written)
                && (written.Shape == shape && (written.View == view || now - written.At < CounterRefresh)))
            {
                next[session.Id] = written;
                continue;
            }
            changed.Add((session.Id, JsonSerializer.Serialize(view, Json)));
            next[session.Id] = new Written(shape, view, now);
        }
        var closed = _written.Keys.Where(id => !next.ContainsKey(id)).ToList();
        _written = next;
        return (changed, closed);
    }

    /// <summary>Forgets what was written: the next <see cref="Take"/> writes every session again (the node's row was lost).</summary>
    public void Forget() => _written = [];

    private sealed record Written(Shape Shape, SessionResponse View, DateTimeOffset At);

    private sealed record Shape(string State, string? Account, bool ControlTls, string Protection, string? Command, string? Path)
    {
        public static Shape Of(SessionResponse s) => new(s.State, s.Account, s.ControlTls, s.Protection, s.Transfer?.Command, s.Transfer?.Path);
    }
}
