using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// Which items of an owner's storage have an ACL at all, kept in memory per owner once read (one query per owner), so
/// the steady path of STOR, RETR and DELE asks the database nothing where no ACL is involved: a new file in a directory
/// without an ACL inherits nothing (FS-INHERIT), a deleted or renamed item without one has nothing to take along, and a
/// rights check on an item without one is decided by FS-IMPLICIT alone. Every change of an owner's ACLs forgets that
/// owner here, and on other nodes through <see cref="AclNotifications"/>.
/// </summary>
public sealed class AclPresence
{
    private readonly ConcurrentDictionary<int, FrozenSet<string>> _known = new();
    private long _generation;

    /// <summary>Names this process in its own notifications, which it does not need to hear: it has updated itself.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The paths of <paramref name="ownerId"/>'s items that have ACL entries (<paramref name="load"/> reads them when not known).</summary>
    public async ValueTask<FrozenSet<string>> PathsAsync(int ownerId, Func<CancellationToken, Task<List<string>>> load, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(ownerId, out var paths))
        {
            return paths;
        }
        var generation = Interlocked.Read(ref _generation);
        paths = (await load(cancellationToken)).ToFrozenSet(StringComparer.Ordinal);
        // A change while it was being read may be missing from what was read: then it is not kept.
        if (Interlocked.Read(ref _generation) == generation)
        {
            _known[ownerId] = paths;
        }
        return paths;
    }

    /// <summary>True when <paramref name="path"/> or anything beneath it (<paramref name="beneath"/> is its prefix) has an ACL.</summary>
    public static bool AnyAtOrBeneath(FrozenSet<string> paths, string path, string beneath) =>
        paths.Count > 0 && (paths.Contains(path) || paths.Any(p => p.StartsWith(beneath, StringComparison.Ordinal)));

    /// <summary>A new item got a copy of its directory's ACL (FS-INHERIT) here: it has one now.</summary>
    public void Added(int ownerId, string path)
    {
        lock (_known)
        {
            Interlocked.Increment(ref _generation);
            if (_known.TryGetValue(ownerId, out var paths) && !paths.Contains(path))
            {
                _known[ownerId] = paths.Append(path).ToFrozenSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>An owner's ACLs changed (here or on another node): read them again when next needed.</summary>
    public void Forget(int ownerId)
    {
        Interlocked.Increment(ref _generation);
        _known.TryRemove(ownerId, out _);
    }

    /// <summary>Anything may have changed (a change of many owners, or a moment when other nodes' notifications could be missed).</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _known.Clear();
    }
}
