using System.Collections.Immutable;
using System.Net;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// The addresses blocked now as this node knows them (its own blocks at once, every node's within a second) and their
/// live feed. Each change is made and published together, under the feed's lock, so a follower joining at any moment
/// sees it either in its snapshot or as a change, never both and never neither. Readers of the set take no lock: the
/// admission path asks it for every connection.
/// </summary>
public sealed class BlockedAddresses
{
    private readonly Lock _writers = new();
    private volatile ImmutableDictionary<IPAddress, BlacklistState> _blocked = ImmutableDictionary<IPAddress, BlacklistState>.Empty;

    /// <summary>Blocks that start (<c>Opened</c>), change (<c>Changed</c>: blocked again, longer) or end (<c>Closed</c>: lifted or over).</summary>
    public LiveFeed<BlacklistState> Feed { get; } = new(followerCapacity: 0, identity: SameAddress.Instance);

    public bool IsEmpty => _blocked.IsEmpty;

    public bool TryGet(IPAddress address, out BlacklistState state) => _blocked.TryGetValue(address, out state!);

    /// <summary>The blocked addresses, longest blocked first: a new follower's snapshot.</summary>
    public IReadOnlyList<BlacklistState> Snapshot() => [.. _blocked.Values.OrderBy(s => s.BlockedSince).ThenBy(s => s.Address.ToString())];

    public LiveFollower<BlacklistState> Follow(LiveSignal signal) => Feed.Follow(signal, Snapshot);

    public void Set(BlacklistState state)
    {
        lock (_writers)
        {
            SetLocked(state);
        }
    }

    public void Remove(IPAddress address)
    {
        lock (_writers)
        {
            RemoveLocked(address);
        }
    }

    /// <summary>Makes the set <paramref name="states"/>, publishing only what differs (a reload usually changes nothing).</summary>
    public void ReplaceAll(IEnumerable<BlacklistState> states)
    {
        lock (_writers)
        {
            var next = states.ToDictionary(s => s.Address);
            foreach (var gone in _blocked.Keys.Where(a => !next.ContainsKey(a)).ToList())
            {
                RemoveLocked(gone);
            }
            foreach (var state in next.Values)
            {
                SetLocked(state);
            }
        }
    }

    private void SetLocked(BlacklistState state)
    {
        var known = _blocked.TryGetValue(state.Address, out var current);
        if (known && current == state)
        {
            return;
        }
        Feed.Publish(known ? LiveChangeKind.Changed : LiveChangeKind.Opened, state, () =>
        {
            _blocked = _blocked.SetItem(state.Address, state);
            return true;
        });
    }

    private void RemoveLocked(IPAddress address)
    {
        if (_blocked.TryGetValue(address, out var current))
        {
            Feed.Publish(LiveChangeKind.Closed, current, () =>
            {
                _blocked = _blocked.Remove(address);
                return true;
            });
        }
    }

    /// <summary>One address is one item of the feed, whatever its counts: its changes merge for a reader that lags.</summary>
    private sealed class SameAddress : IEqualityComparer<BlacklistState>
    {
        public static readonly SameAddress Instance = new();

        public bool Equals(BlacklistState? x, BlacklistState? y) => Equals(x?.Address, y?.Address);

        public int GetHashCode(BlacklistState obj) => obj.Address.GetHashCode();
    }
}
