using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CommuniGateFtp.Ftp.Storage.Native;

/// <summary>
/// One directory read with <c>readdir(3)</c> on 64-bit Linux, and the facts of its entries from <c>statx(2)</c> relative
/// to the open directory (no path walk per entry, no link followed). .NET's enumeration asks <c>lstat</c> with the full
/// path and <c>geteuid</c> for every entry; a listing of 20,000 entries spent most of its time there. The same
/// <c>statx</c> also answers a single item's look-up by its full path (<see cref="TryLookUp"/>).
/// </summary>
internal sealed class LinuxDirectory : IDisposable
{
    private const byte TypeUnknown = 0; // DT_UNKNOWN: the file system does not say
    private const byte TypeDirectory = 4; // DT_DIR
    private const byte TypeLink = 10;   // DT_LNK
    private const int RecordLengthOffset = 16; // struct dirent on 64-bit Linux (glibc and musl): d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name
    private const int TypeOffset = 18;
    private const int NameOffset = 19;

    private const int SymlinkNoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint StatMask = 0x1 | 0x2 | 0x40 | 0x80 | 0x200; // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_SIZE
    private const int ModeOffset = 28; // struct statx: stx_mode u16; stx_size u64; timestamps {s64 sec; u32 nsec; s32 pad}
    private const int SizeOffset = 40;
    private const int ChangedOffset = 96;
    private const int ModifiedOffset = 112;
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int FileTypeDirectory = 0x4000;
    private const int FileTypeLink = 0xA000;
    private const int NoSuchEntry = 2; // ENOENT: removed between readdir and statx
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the descriptor's own file
    private const uint StampMask = StatMask | 0x100; // and STATX_INO
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    private const int CurrentDirectory = -100; // AT_FDCWD: a full path is looked up as it stands

    private static bool _statxMissing;

    [ThreadStatic]
    private static byte[]? _lookUpBuffer; // sizeof(struct statx), one per thread for TryLookUp

    private readonly IntPtr _handle;
    private readonly int _descriptor;
    private readonly byte[] _name = new byte[256]; // NAME_MAX 255 and its NUL
    private readonly byte[] _stat = new byte[256]; // sizeof(struct statx)
    private int _nameLength;
    private bool _closed;

    private LinuxDirectory(IntPtr handle)
    {
        _handle = handle;
        _descriptor = DirectoryDescriptor(handle);
    }

    /// <summary>The directory opened, or null where this reader does not apply (another system, 32-bit) or it cannot be
    /// opened (the portable enumeration then reports why).</summary>
    public static LinuxDirectory? TryOpen(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }
        var handle = OpenDirectory(path);
        return handle == IntPtr.Zero ? null : new LinuxDirectory(handle);
    }

    /// <summary>False when this system's C library has no <c>statx</c> (before glibc 2.28): callers read the portable way.</summary>
    public static bool CanStat => !_statxMissing;

    /// <summary>The current entry's name, UTF-8 as on disk.</summary>
    public ReadOnlySpan<byte> Name => _name.AsSpan(0, _nameLength);

    /// <summary>The current entry's type from <c>readdir</c>.</summary>
    public EntryKind Kind { get; private set; }

    /// <summary>Advances to the next entry other than <c>.</c> and <c>..</c>; false at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per entry, from the first listing on
    public bool MoveNext()
    {
        while (true)
        {
            var entry = ReadDirectory(_handle);
            if (entry == IntPtr.Zero)
            {
                var error = Marshal.GetLastPInvokeError();
                return error == 0 ? false : throw new IOException($"readdir failed (errno {error})");
            }
            var length = Math.Min(Marshal.ReadInt16(entry, RecordLengthOffset) - NameOffset, _name.Length);
            Marshal.Copy(entry + NameOffset, _name, 0, length);
            var end = _name.AsSpan(0, length).IndexOf((byte)0);
            _nameLength = end < 0 ? length : end;
            if (Name is [(byte)'.'] or [(byte)'.', (byte)'.'])
            {
                continue;
            }
            Kind = Marshal.ReadByte(entry, TypeOffset) switch
            {
                TypeUnknown => EntryKind.Unknown,
                TypeDirectory => EntryKind.Directory,
                TypeLink => EntryKind.Link,
                _ => EntryKind.File,
            };
            return true;
        }
    }

    /// <summary>
    /// The current entry's facts without following a link; false when it vanished since <see cref="MoveNext"/>. Throws
    /// <see cref="EntryPointNotFoundException"/> where the C library has no <c>statx</c> (remembered in <see cref="CanStat"/>).
    /// </summary>
    public bool TryStat(out EntryFacts facts) => TryStat(_descriptor, ref _name[0], _stat, out facts); // _name holds the NUL

    /// <summary>The open directory's descriptor, for <see cref="TryStat(int, ref byte, byte[], out EntryFacts)"/>.</summary>
    public int Descriptor => _descriptor;

    /// <summary>
    /// The facts of the entry named <paramref name="name"/> (NUL-terminated) in the directory <paramref name="descriptor"/>,
    /// without following a link, using <paramref name="buffer"/> (256 bytes, one per thread); false when it is gone.
    /// Throws <see cref="EntryPointNotFoundException"/> where the C library has no <c>statx</c> (remembered in <see cref="CanStat"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per entry, from the first listing on
    public static bool TryStat(int descriptor, ref byte name, byte[] buffer, out EntryFacts facts)
    {
        if (CallStatx(descriptor, ref name, SymlinkNoFollow, StatMask, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            facts = default;
            return error == NoSuchEntry ? false : throw new IOException($"statx failed (errno {error})");
        }
        facts = FactsOf(buffer);
        return true;
    }

    /// <summary>
    /// The facts of the item at <paramref name="fullPath"/> without following a final link, from one <c>statx</c> (where
    /// .NET's <see cref="FileSystemInfo"/> asks <c>lstat</c> twice, <c>readlink</c> and <c>geteuid</c>). False where this
    /// look-up does not apply (another system, 32-bit, no <c>statx</c>); then <paramref name="facts"/> is null. Otherwise
    /// <paramref name="facts"/> is null when nothing can be found there, for any reason, as <see cref="FileSystemInfo.Exists"/>
    /// says false on any failure (a missing item, a file on the way, no permission, a path too long).
    /// </summary>
    public static bool TryLookUp(string fullPath, out EntryFacts? facts)
    {
        facts = null;
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || !CanStat)
        {
            return false;
        }
        if (fullPath.Contains('\0'))
        {
            return true; // the C string would end early and name another item; .NET refuses such a path
        }
        var length = Encoding.UTF8.GetMaxByteCount(fullPath.Length) + 1;
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> path = rented is not null ? rented : stackalloc byte[1024];
        var end = Encoding.UTF8.GetBytes(fullPath, path);
        path[end] = 0;
        try
        {
            var buffer = _lookUpBuffer ??= new byte[256];
            if (CallStatx(CurrentDirectory, ref path[0], SymlinkNoFollow, StatMask, buffer) == 0)
            {
                facts = FactsOf(buffer);
            }
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The open directory's own identity and times (<see cref="DirectoryStamp"/>); false where they cannot be had (no
    /// <c>statx</c>, or it failed): callers then read the directory as if nothing were known of it.
    /// </summary>
    public bool TryStampSelf(out DirectoryStamp stamp)
    {
        stamp = default;
        if (!CanStat)
        {
            return false;
        }
        byte empty = 0;
        try
        {
            if (CallStatx(_descriptor, ref empty, EmptyPath | SymlinkNoFollow, StampMask, _stat) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        var stat = _stat.AsSpan();
        stamp = new DirectoryStamp(
            ((ulong)MemoryMarshal.Read<uint>(stat[DeviceMajorOffset..]) << 32) | MemoryMarshal.Read<uint>(stat[DeviceMinorOffset..]),
            MemoryMarshal.Read<ulong>(stat[InodeOffset..]),
            MemoryMarshal.Read<long>(stat[SizeOffset..]),
            Nanoseconds(stat[ModifiedOffset..]),
            Nanoseconds(stat[ChangedOffset..]));
        return true;
    }

    /// <summary>
    /// Whether the directory lies on a local file system this kernel stamps itself (ext4, XFS, Btrfs, tmpfs, overlay,
    /// ZFS, F2FS), not on a network one whose times come from another clock and may be cached by the client (NFS, SMB).
    /// </summary>
    public bool IsOnLocalFileSystem()
    {
        if (FileSystemStatus(_descriptor, _stat) != 0) // struct statfs (120 bytes on 64-bit Linux) fits; f_type first
        {
            return false;
        }
        return MemoryMarshal.Read<long>(_stat) switch
        {
            0xEF53 or 0x58465342 or 0x9123683E or 0x01021994 or 0x794C7630 or 0x2FC12FC1 or 0xF2F52010 => true,
            _ => false,
        };
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            _ = CloseDirectory(_handle);
        }
    }

    // The one call of statx: a C library without it (before glibc 2.28) is remembered in CanStat.
    private static int CallStatx(int directory, ref byte name, int flags, uint mask, byte[] buffer)
    {
        try
        {
            return Statx(directory, ref name, flags, mask, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            _statxMissing = true;
            throw;
        }
    }

    private static EntryFacts FactsOf(ReadOnlySpan<byte> stat)
    {
        var type = MemoryMarshal.Read<ushort>(stat[ModeOffset..]) & FileTypeMask;
        return new EntryFacts(
            type switch { FileTypeDirectory => EntryKind.Directory, FileTypeLink => EntryKind.Link, _ => EntryKind.File },
            MemoryMarshal.Read<long>(stat[SizeOffset..]),
            Ticks(stat[ModifiedOffset..]),
            Math.Min(Ticks(stat[ModifiedOffset..]), Ticks(stat[ChangedOffset..])));
    }

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        MemoryMarshal.Read<long>(timestamp) * 1_000_000_000 + MemoryMarshal.Read<uint>(timestamp[8..]);

    // As .NET turns a Unix time into a DateTime: whole ticks, the rest of the nanoseconds dropped.
    private static long Ticks(ReadOnlySpan<byte> timestamp) =>
        DateTime.UnixEpoch.Ticks + MemoryMarshal.Read<long>(timestamp) * TimeSpan.TicksPerSecond
        + MemoryMarshal.Read<uint>(timestamp[8..]) / TimeSpan.NanosecondsPerTick;

    // DllImport rather than LibraryImport, which would need unsafe code in the whole project for a few plain calls.
    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "dirfd")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int DirectoryDescriptor(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "fstatfs", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileSystemStatus(int descriptor, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, ref byte name, int flags, uint mask, [Out] byte[] buffer);
}
