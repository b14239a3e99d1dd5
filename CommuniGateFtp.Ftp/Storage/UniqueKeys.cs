using System.Numerics;
using System.Runtime.CompilerServices;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// RFC 3659 7.5.2: the number behind the MLSx <c>unique</c> fact, stable for the item's life. .NET exposes no inode
/// number, so: FNV-1a of the full path's UTF-16 code units, seeded with the creation time. A listing hashes its directory
/// and each name in turn rather than building every full path (the same value: the separator is hashed between them).
/// </summary>
internal static class UniqueKeys
{
    private const ulong Prime = 1099511628211UL;

    /// <summary>
    /// The key of <paramref name="directory"/>/<paramref name="name"/>, or of the directory itself when the name is
    /// empty. The name as UTF-16 code units, or as bytes when it is ASCII (each byte is then its own code unit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per listed entry, from the first listing on
    public static ulong Of<TUnit>(ReadOnlySpan<char> directory, ReadOnlySpan<TUnit> name, long createdTicks) where TUnit : IBinaryInteger<TUnit>
    {
        var hash = Directory(directory, name.IsEmpty, createdTicks);
        foreach (var unit in name)
        {
            hash = (hash ^ ulong.CreateTruncating(unit)) * Prime;
        }
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Directory(ReadOnlySpan<char> directory, bool alone, long createdTicks)
    {
        var hash = 14695981039346656037UL ^ (ulong)createdTicks;
        foreach (var c in directory)
        {
            hash = (hash ^ c) * Prime;
        }
        return alone || directory.EndsWith(Path.DirectorySeparatorChar) ? hash : (hash ^ Path.DirectorySeparatorChar) * Prime;
    }
}
