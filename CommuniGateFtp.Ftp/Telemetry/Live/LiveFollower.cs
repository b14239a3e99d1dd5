namespace CommuniGateFtp.Ftp.Telemetry.Live;

/// <summary>
/// One follower's buffer between a <see cref="LiveFeed{T}"/> and its reader. Bounded whatever the reader's speed, so
/// a slow or stalled reader (a browser tab in the background, a proxy that stopped reading) never grows the server's
/// memory and never makes a publisher wait: changes to one item are merged into its latest state (at most one pending
/// change per live item), and of the appended entries at most <c>capacity</c> wait, the oldest dropped first and
/// counted, so the reader can say that it missed some.
/// </summary>
public sealed class LiveFollower<T> : IDisposable where T : notnull
{
    private readonly LiveFeed<T> _feed;
    private readonly LiveSignal _signal;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<T, LiveChangeKind> _items;
    private readonly Queue<T> _entries = new();
    private long _dropped;

    internal LiveFollower(LiveFeed<T> feed, LiveSignal signal, int capacity, IEqualityComparer<T> identity, IReadOnlyList<T> snapshot)
    {
        (_feed, _signal, _capacity, Snapshot) = (feed, signal, capacity, snapshot);
        _items = new OrderedDictionary<T, LiveChangeKind>(identity);
    }

    /// <summary>The feed's state when this follower joined: the items, or the recent entries, oldest first.</summary>
    public IReadOnlyList<T> Snapshot { get; }

    /// <summary>Changes waiting for the reader (at most one per item plus the entries' capacity).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _items.Count + _entries.Count;
            }
        }
    }

    /// <summary>Moves every pending change into <paramref name="changes"/>; returns how many entries were dropped since the last call.</summary>
    public long TakeAll(List<LiveChange<T>> changes)
    {
        lock (_gate)
        {
            foreach (var (item, kind) in _items)
            {
                changes.Add(new LiveChange<T>(kind, item));
            }
            foreach (var entry in _entries)
            {
                changes.Add(new LiveChange<T>(LiveChangeKind.Added, entry));
            }
            _items.Clear();
            _entries.Clear();
            var dropped = _dropped;
            _dropped = 0;
            return dropped;
        }
    }

    public void Dispose() => _feed.Remove(this);

    internal void Offer(LiveChangeKind kind, T item)
    {
        lock (_gate)
        {
            if (kind == LiveChangeKind.Added)
            {
                if (_entries.Count >= _capacity)
                {
                    _entries.Dequeue();
                    _dropped++;
                }
                _entries.Enqueue(item);
            }
            else if (!_items.TryGetValue(item, out var pending))
            {
                _items.Add(item, kind);
            }
            else if (Merge(pending, kind) is { } merged)
            {
                // The key stays where it was (the order of first change); the item becomes the latest instance.
                _items.SetAt(_items.IndexOf(item), item, merged);
            }
            else
            {
                _items.Remove(item); // opened and closed before the reader looked: it never needs to know
            }
        }
        _signal.Set();
    }

    // What the reader must learn when it has not yet read `pending` and `next` happens.
    private static LiveChangeKind? Merge(LiveChangeKind pending, LiveChangeKind next) => (pending, next) switch
    {
        (LiveChangeKind.Opened, LiveChangeKind.Closed) => null,
        (LiveChangeKind.Opened, _) => LiveChangeKind.Opened,
        (LiveChangeKind.Closed, LiveChangeKind.Opened) => LiveChangeKind.Changed, // gone and back: for the reader, changed
        (LiveChangeKind.Closed, _) => LiveChangeKind.Closed,
        (_, LiveChangeKind.Closed) => LiveChangeKind.Closed,
        _ => LiveChangeKind.Changed,
    };
}
