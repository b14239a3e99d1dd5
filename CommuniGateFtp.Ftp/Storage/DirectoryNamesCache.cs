using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// The names of big directories as the last listing read them, served to NLST again while the directory's <see cref="DirectoryStamp"/>
/// is unchanged: reading a directory of 20,000 entries is 6–7 ms of the kernel's hashed-directory walk and a sort, where
/// pure-ftpd's whole NLST takes 7 (docs/benchmarks.md, sixth pass). Clients that poll a big directory list it again and
/// again.
/// </summary>
/// <remarks>
/// <para>Correct because adding, removing or renaming an entry sets the directory's modification and change times,
/// with one proviso: the file system's clock is coarse (a few milliseconds), so a change in the same tick as the read
/// could leave the times as they were. A listing is therefore kept only when the directory had been still for
/// <see cref="Settled"/> before it was read; any later change then gets a later time. A change while the read runs does
/// too, so it is never served. Only on local file systems (<see cref="Keeps"/>): a network file system's times come
/// from the file server's clock and its client caches them.</para>
/// <para>Only names and types are kept (what NLST shows): LIST and MLSD show sizes and times that change without the
/// directory changing, so they read the directory each time, and leave its names here for an NLST. Directories of
/// fewer than <see cref="SmallestKept"/> entries are read each time (that is cheap). The whole cache is bounded, least
/// recently used out first, and when the server falls quiet (<see cref="Hosting.IdleMemoryTrimmer"/>) what was not
/// listed for <see cref="KeptUnused"/> goes: a client that polls a big directory every minute keeps it.</para>
/// </remarks>
internal sealed class DirectoryNamesCache(TimeProvider time, long capacityBytes)
{
    public const int SmallestKept = 1000;

    public static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    /// <summary>How long kept names not listed again survive a quiet server's trim.</summary>
    public static readonly TimeSpan KeptUnused = TimeSpan.FromMinutes(10);

    public static DirectoryNamesCache Shared { get; } = new(TimeProvider.System, 16 << 20);

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, bool> _localDevices = [];
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private long _bytes;
    private long _uses;

    /// <summary>The bytes held now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// Whether directories on <paramref name="device"/> may be kept: local file systems only (asked once per device).
    /// A network file system's times come from the file server's clock and the client may cache them for a second or
    /// more, so an unchanged stamp there proves nothing; such directories are read every time.
    /// </summary>
    public bool Keeps(ulong device, Func<bool> isLocal)
    {
        lock (_gate)
        {
            if (_localDevices.TryGetValue(device, out var local))
            {
                return local;
            }
        }
        var answer = isLocal();
        lock (_gate)
        {
            _localDevices[device] = answer;
        }
        return answer;
    }

    /// <summary>The kept names of <paramref name="fullPath"/> when its stamp is still <paramref name="stamp"/>.</summary>
    public DirectoryListing.Snapshot? Find(string fullPath, in DirectoryStamp stamp)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(fullPath, out var item))
            {
                return null;
            }
            if (item.Stamp != stamp)
            {
                Remove(fullPath, item);
                return null;
            }
            item.LastUse = ++_uses;
            item.LastUsedAt = time.GetUtcNow();
            return item.Names;
        }
    }

    /// <summary>Keeps a sorted listing's names read under <paramref name="stamp"/>, when it is big and the directory was still.</summary>
    public void Offer(string fullPath, in DirectoryStamp stamp, DirectoryListing listing)
    {
        var stillSince = time.GetUtcNow() - Settled;
        var lastChange = DateTimeOffset.UnixEpoch.AddTicks(stamp.LastChangeNanoseconds / TimeSpan.NanosecondsPerTick);
        if (listing.Count < SmallestKept || lastChange >= stillSince)
        {
            return;
        }
        lock (_gate)
        {
            if (_items.TryGetValue(fullPath, out var same) && same.Stamp == stamp)
            {
                return; // kept already (a LIST after an NLST)
            }
        }
        var names = listing.Freeze();
        if (names.Bytes > capacityBytes / 2)
        {
            return; // one directory may not push out all the others
        }
        lock (_gate)
        {
            if (_items.Remove(fullPath, out var old))
            {
                _bytes -= old.Names.Bytes;
            }
            while (_bytes + names.Bytes > capacityBytes && LeastRecentlyUsed() is { } oldest)
            {
                Remove(oldest.Key, oldest.Value);
            }
            _items[fullPath] = new Item(stamp, names) { LastUse = ++_uses, LastUsedAt = time.GetUtcNow() };
            _bytes += names.Bytes;
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Forgets what was not listed for <paramref name="unusedFor"/>.</summary>
    public void DropUnused(TimeSpan unusedFor)
    {
        var before = time.GetUtcNow() - unusedFor;
        lock (_gate)
        {
            foreach (var (path, item) in _items.Where(pair => pair.Value.LastUsedAt < before).ToList())
            {
                Remove(path, item);
            }
        }
    }

    private KeyValuePair<string, Item>? LeastRecentlyUsed()
    {
        KeyValuePair<string, Item>? oldest = null;
        foreach (var pair in _items)
        {
            if (oldest is null || pair.Value.LastUse < oldest.Value.Value.LastUse)
            {
                oldest = pair;
            }
        }
        return oldest;
    }

    private void Remove(string fullPath, Item item)
    {
        _items.Remove(fullPath);
        _bytes -= item.Names.Bytes;
    }

    private sealed class Item(DirectoryStamp stamp, DirectoryListing.Snapshot names)
    {
        public DirectoryStamp Stamp { get; } = stamp;

        public DirectoryListing.Snapshot Names { get; } = names;

        public long LastUse { get; set; }

        public DateTimeOffset LastUsedAt { get; set; }
    }
}
