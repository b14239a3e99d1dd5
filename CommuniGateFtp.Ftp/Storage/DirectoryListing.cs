using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CommuniGateFtp.Ftp.Memory;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// One directory read for one listing (LIST, MLSD, NLST; <see cref="DirectoryReader"/>): every name as UTF-8 in one
/// pooled buffer, each entry's facts in a pooled array, in listing order (<see cref="NameOrder"/>). No string and no
/// object per entry: lines are written from these bytes straight into the data connection's buffer. Names are stored
/// as listings send them: a name that is not valid UTF-8 with each ill-formed sequence replaced by U+FFFD, as decoding
/// it to a string and encoding that again does. <see cref="Dispose"/> returns the memory (the transfer does when it ends).
/// </summary>
public sealed class DirectoryListing : IDisposable
{
    private const int MaxNameChars = 256; // NAME_MAX 255 bytes: at most 255 UTF-16 code units
    private const int MaxStoredName = 3 * MaxNameChars; // each ill-formed byte becomes U+FFFD, three bytes
    private const int MaxStored = MaxStoredName + MaxNameChars + 1; // that, the name as on disk and its NUL (for statx)

    private byte[] _names = TrimmableArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _namesLength;
    private Entry[] _entries = TrimmableArrayPool<Entry>.Shared.Rent(256);
    private int[] _order = [];
    private FileRights[]? _rights;
    private int _count;

    internal DirectoryListing(string fullPath, string owner, FileRights rights)
    {
        FullPath = fullPath;
        OwnerUtf8 = Encoding.UTF8.GetBytes(owner);
        Rights = rights;
    }

    /// <summary>The listed directory's path on disk (the MLSx <c>unique</c> fact is made from it).</summary>
    public string FullPath { get; }

    /// <summary>The account that owns the entries (LIST's owner column) as UTF-8, encoded once for every line.</summary>
    public ReadOnlyMemory<byte> OwnerUtf8 { get; }

    /// <summary>The caller's rights on every entry, unless <see cref="SetRights"/> gave each its own.</summary>
    public FileRights Rights { get; }

    public int Count => _count;

    /// <summary>The name at <paramref name="position"/> (listing order), UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> NameAt(int position) => NameOf(_order[position]);

    /// <summary>Copies the name at <paramref name="position"/> into <paramref name="destination"/> (an NLST line); false when it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryWriteName(int position, Span<byte> destination, out int written)
    {
        var name = NameAt(position);
        written = name.TryCopyTo(destination) ? name.Length : 0;
        return written == name.Length;
    }

    /// <summary>The name at <paramref name="position"/> as a string (STAT, the management API, ACL look-ups).</summary>
    public string NameTextAt(int position) => Encoding.UTF8.GetString(NameAt(position));

    internal ref readonly EntryFacts FactsAt(int position) => ref _entries[_order[position]].Facts;

    /// <summary>The caller's rights on the entry at <paramref name="position"/>.</summary>
    public FileRights RightsAt(int position) => _rights is null ? Rights : _rights[_order[position]];

    /// <summary>RFC 3659 7.5.2: the number behind the entry's <c>unique</c> fact, as a single item's look-up makes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong UniqueKeyAt(int position)
    {
        var name = NameAt(position);
        var created = FactsAt(position).CreatedTicks;
        if (Ascii.IsValid(name))
        {
            return UniqueKeys.Of(FullPath, name, created); // ASCII: each byte is its UTF-16 code unit
        }
        Span<char> chars = stackalloc char[MaxStoredName];
        var length = Encoding.UTF8.GetChars(name, chars);
        return UniqueKeys.Of(FullPath, chars[..length], created);
    }

    /// <summary>Gives every entry its own rights, from its name (another account's directory where a child has an ACL).</summary>
    public void SetRights(Func<string, FileRights> rightsOf)
    {
        _rights = TrimmableArrayPool<FileRights>.Shared.Rent(Math.Max(_count, 1));
        for (var i = 0; i < _count; i++)
        {
            _rights[i] = rightsOf(Encoding.UTF8.GetString(NameOf(i)));
        }
    }

    /// <summary>Entries added so far (before <see cref="Sort"/>, in the order they were added).</summary>
    internal int Added => _count;

    /// <summary>
    /// Adds a name as <c>readdir</c> gave it, with its facts (or its type alone until <see cref="FactsOf"/> is set). The
    /// name is also kept as on disk, NUL-terminated, for <see cref="NameOnDisk"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(ReadOnlySpan<byte> name, in EntryFacts facts)
    {
        var start = Reserve();
        var length = name.Length;
        var onDisk = start;
        if (!Utf8.IsValid(name))
        {
            Span<char> chars = stackalloc char[MaxNameChars];
            length = Encoding.UTF8.GetBytes(chars[..Encoding.UTF8.GetChars(name, chars)], _names.AsSpan(start)); // what a string of it would send
            onDisk = start + length;
        }
        name.CopyTo(_names.AsSpan(onDisk));
        _names[onDisk + name.Length] = 0;
        _entries[_count++] = new Entry { NameStart = start, NameLength = length, OnDiskStart = onDisk, Facts = facts };
        _namesLength = onDisk + name.Length + 1;
    }

    /// <summary>Adds a name that is text already (the portable enumeration), with its facts.</summary>
    internal void Add(ReadOnlySpan<char> name, in EntryFacts facts)
    {
        var start = Reserve();
        var length = Encoding.UTF8.GetBytes(name, _names.AsSpan(start));
        _names[start + length] = 0;
        _entries[_count++] = new Entry { NameStart = start, NameLength = length, OnDiskStart = start, Facts = facts };
        _namesLength = start + length + 1;
    }

    /// <summary>The name of the <paramref name="index"/>th entry added, as on disk, NUL-terminated (for <c>statx</c>).</summary>
    internal ref byte NameOnDisk(int index) => ref _names[_entries[index].OnDiskStart];

    /// <summary>The facts of the <paramref name="index"/>th entry added, to be filled in (each entry by one thread).</summary>
    internal ref EntryFacts FactsOf(int index) => ref _entries[index].Facts;

    /// <summary>Drops the entries that turned out to be links (SEC-TRAVERSAL) or were gone (<see cref="EntryKind.Unknown"/>).</summary>
    internal void RemoveUnlisted()
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Facts.Kind is EntryKind.File or EntryKind.Directory)
            {
                _entries[kept++] = _entries[i];
            }
        }
        _count = kept;
    }

    /// <summary>Puts the entries in listing order; called once, after the last <see cref="Add(ReadOnlySpan{byte}, in EntryFacts)"/>.</summary>
    internal void Sort()
    {
        _order = TrimmableArrayPool<int>.Shared.Rent(Math.Max(_count, 1));
        for (var i = 0; i < _count; i++)
        {
            _order[i] = i;
        }
        NameOrder.Sort(_order.AsSpan(0, _count), NameOf);
    }

    /// <summary>
    /// The names and types in listing order (for <see cref="DirectoryNamesCache"/>; what NLST shows), compactly: one
    /// block of names and three small arrays. Call after <see cref="Sort"/>.
    /// </summary>
    internal Snapshot Freeze()
    {
        var length = 0;
        for (var i = 0; i < _count; i++)
        {
            length += _entries[i].NameLength;
        }
        var names = new byte[length];
        var starts = new int[_count];
        var kinds = new EntryKind[_count];
        var at = 0;
        for (var i = 0; i < _count; i++)
        {
            var index = _order[i];
            NameOf(index).CopyTo(names.AsSpan(at));
            starts[i] = at;
            kinds[i] = _entries[index].Facts.Kind;
            at += _entries[index].NameLength;
        }
        return new Snapshot(names, starts, kinds);
    }

    /// <summary>
    /// Takes the names and types of <paramref name="snapshot"/>, already in listing order, in place of a read and a
    /// <see cref="Sort"/> (NLST: no other facts, and no name on disk is needed after the read).
    /// </summary>
    internal void Load(Snapshot snapshot)
    {
        var count = snapshot.Count;
        if (_names.Length < snapshot.Names.Length)
        {
            Return(ref _names);
            _names = TrimmableArrayPool<byte>.Shared.Rent(snapshot.Names.Length);
        }
        if (_entries.Length < count)
        {
            Return(ref _entries);
            _entries = TrimmableArrayPool<Entry>.Shared.Rent(count);
        }
        snapshot.Names.CopyTo(_names, 0);
        _order = TrimmableArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        for (var i = 0; i < count; i++)
        {
            var start = snapshot.Starts[i];
            var end = i + 1 < count ? snapshot.Starts[i + 1] : snapshot.Names.Length;
            _entries[i] = new Entry { NameStart = start, NameLength = end - start, OnDiskStart = start, Facts = new EntryFacts(snapshot.Kinds[i], 0, 0, 0) };
            _order[i] = i;
        }
        _namesLength = snapshot.Names.Length;
        _count = count;
    }

    /// <summary>Forgets every entry (the portable enumeration starts over).</summary>
    internal void Clear()
    {
        _count = 0;
        _namesLength = 0;
    }

    public void Dispose()
    {
        Return(ref _names);
        Return(ref _entries);
        Return(ref _order);
        if (_rights is not null)
        {
            TrimmableArrayPool<FileRights>.Shared.Return(_rights);
            _rights = null;
        }
        _count = 0;
    }

    private ReadOnlySpan<byte> NameOf(int index)
    {
        ref readonly var entry = ref _entries[index];
        return _names.AsSpan(entry.NameStart, entry.NameLength);
    }

    private int Reserve()
    {
        if (_names.Length - _namesLength < MaxStored)
        {
            Grow(ref _names, _namesLength);
        }
        if (_count == _entries.Length)
        {
            Grow(ref _entries, _count);
        }
        return _namesLength;
    }

    private static void Grow<T>(ref T[] array, int used)
    {
        var larger = TrimmableArrayPool<T>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, used).CopyTo(larger);
        TrimmableArrayPool<T>.Shared.Return(array);
        array = larger;
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            TrimmableArrayPool<T>.Shared.Return(array);
        }
        array = [];
    }

    /// <summary>A listing's names (as listings send them, back to back) and types, frozen in listing order.</summary>
    internal sealed class Snapshot(byte[] names, int[] starts, EntryKind[] kinds)
    {
        public byte[] Names { get; } = names;

        public int[] Starts { get; } = starts;

        public EntryKind[] Kinds { get; } = kinds;

        public int Count => Starts.Length;

        /// <summary>What it holds on the heap, roughly (for the cache's bound).</summary>
        public long Bytes => Names.Length + (long)Starts.Length * sizeof(int) + (long)Kinds.Length * Unsafe.SizeOf<EntryKind>();
    }

    private struct Entry
    {
        public int NameStart;
        public int NameLength;
        public int OnDiskStart;
        public EntryFacts Facts;
    }
}
