using System.Collections.Concurrent;
using System.Net;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// The live view of every session on this node; the management API and dashboard read it, and follow
/// <see cref="Changes"/>: a session's opening, its changes (commands, transfer progress) and its closing.
/// </summary>
public sealed class SessionRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, FtpSession> _sessions = new();
    private long _lastId;

    public int Count => _sessions.Count;

    public IReadOnlyCollection<FtpSession> Sessions => [.. _sessions.Values];

    /// <summary>The sessions open now, enumerated without a copy (for a walk over all of them every heartbeat).</summary>
    public IEnumerable<FtpSession> Live
    {
        get
        {
            foreach (var (_, session) in _sessions)
            {
                yield return session;
            }
        }
    }

    /// <summary>
    /// Opened, Changed and Closed for each session, the session itself as the item: a follower builds the view when it
    /// reads, so the changes it had no time for merge into the session's latest state.
    /// </summary>
    public LiveFeed<FtpSession> Changes { get; } = new(followerCapacity: 0);

    public FtpSession Open(EndPoint? remote, EndPoint? local)
    {
        var session = new FtpSession(Interlocked.Increment(ref _lastId), remote, local, time.GetUtcNow());
        Changes.Publish(LiveChangeKind.Opened, session, () => _sessions.TryAdd(session.Id, session));
        return session;
    }

    /// <summary>
    /// Makes the ids of sessions opened from now on continue after <paramref name="lastId"/>: the cluster gives each run
    /// of a node its own range, so an id names one session in the whole cluster (<c>DELETE /api/sessions/{id}</c> on any node).
    /// </summary>
    public void ContinueIdsAfter(long lastId)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastId);
        }
        while (seen < lastId && Interlocked.CompareExchange(ref _lastId, lastId, seen) != seen);
    }

    public bool TryGet(long id, out FtpSession session) => _sessions.TryGetValue(id, out session!);

    /// <summary>Tells followers the session changed; free when nobody follows, and never after the session closed.</summary>
    public void Changed(FtpSession session)
    {
        session.MarkChanged();
        if (Changes.HasFollowers)
        {
            Changes.Publish(LiveChangeKind.Changed, session, () => _sessions.ContainsKey(session.Id));
        }
    }

    public void Close(FtpSession session) =>
        Changes.Publish(LiveChangeKind.Closed, session, () => _sessions.TryRemove(session.Id, out _));

    /// <summary>A follower of <see cref="Changes"/> whose snapshot is the sessions open now.</summary>
    public LiveFollower<FtpSession> Follow(LiveSignal signal) => Changes.Follow(signal, () => [.. _sessions.Values.OrderBy(s => s.Id)]);
}
