namespace CommuniGateFtp.Ftp.Telemetry.Live;

/// <summary>
/// One snapshot-then-changes feed for any number of followers: the FTP log (its live tail and its daily files), the
/// sessions and their transfers, a session's protocol lines, the temporary blacklist. A follower first gets the state
/// at the moment it joined, then every change after it, with nothing missed or repeated between the two (both are taken
/// under one lock). Publishing never waits for a follower (see <see cref="LiveFollower{T}"/> for how each stays bounded)
/// and costs one volatile read when nobody follows, so the hot path asks <see cref="HasFollowers"/> before building anything.
/// </summary>
/// <param name="followerCapacity">Appended entries one follower may have waiting before the oldest are dropped.</param>
/// <param name="history">Appended entries the feed keeps as the snapshot for new followers (0: none).</param>
/// <param name="identity">Which items are the same item, so that their changes merge (default: the type's equality).</param>
public sealed class LiveFeed<T>(int followerCapacity, int history = 0, IEqualityComparer<T>? identity = null) where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _history = new();
    private readonly IEqualityComparer<T> _identity = identity ?? EqualityComparer<T>.Default;
    private volatile LiveFollower<T>[] _followers = [];

    /// <summary>True while someone follows: the cheap check before a publisher builds what it would publish.</summary>
    public bool HasFollowers => _followers.Length > 0;

    /// <summary>Tells every follower; nothing happens (and nothing is locked) when nobody follows.</summary>
    public void Publish(LiveChangeKind kind, T item)
    {
        if (_followers.Length == 0)
        {
            return;
        }
        lock (_gate)
        {
            Offer(kind, item);
        }
    }

    /// <summary>
    /// Changes the owner's state with <paramref name="apply"/> and tells the followers when it returns true, both under
    /// the lock that <see cref="Follow"/> takes its snapshot under, so a new follower sees the change in exactly one of them.
    /// </summary>
    public void Publish(LiveChangeKind kind, T item, Func<bool> apply)
    {
        lock (_gate)
        {
            if (apply())
            {
                Offer(kind, item);
            }
        }
    }

    /// <summary>Appends an entry: kept in the history (when the feed has one) and told to every follower.</summary>
    public void Append(T entry)
    {
        if (history == 0)
        {
            Publish(LiveChangeKind.Added, entry);
            return;
        }
        lock (_gate)
        {
            _history.Enqueue(entry);
            if (_history.Count > history)
            {
                _history.Dequeue();
            }
            Offer(LiveChangeKind.Added, entry);
        }
    }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<T> Recent()
    {
        lock (_gate)
        {
            return [.. _history];
        }
    }

    /// <summary>
    /// A new follower, woken through <paramref name="signal"/>; its snapshot is <paramref name="snapshot"/>'s answer
    /// (the owner's items) or else the history. <paramref name="capacity"/> overrides the feed's follower capacity for a
    /// reader that must lose less when it stalls (the log's file writer). Dispose it to stop following.
    /// </summary>
    public LiveFollower<T> Follow(LiveSignal signal, Func<IReadOnlyList<T>>? snapshot = null, int? capacity = null)
    {
        lock (_gate)
        {
            var follower = new LiveFollower<T>(this, signal, capacity ?? followerCapacity, _identity, snapshot?.Invoke() ?? [.. _history]);
            _followers = [.. _followers, follower];
            return follower;
        }
    }

    internal void Remove(LiveFollower<T> follower)
    {
        lock (_gate)
        {
            _followers = [.. _followers.Where(f => f != follower)];
        }
    }

    private void Offer(LiveChangeKind kind, T item)
    {
        foreach (var follower in _followers)
        {
            follower.Offer(kind, item);
        }
    }
}
