using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Reads a directory into a <see cref="DirectoryListing"/>, links left out (SEC-TRAVERSAL, dangling ones too), sorted
/// once. On 64-bit Linux <c>readdir</c>, then one <c>statx</c> per entry relative to the open directory for LIST and
/// MLSD (no path walk, no <c>geteuid</c> as .NET's enumeration makes; a big directory's on several threads,
/// <see cref="EntryStats"/>); names alone (NLST) need no system call per entry where <c>readdir</c> reports the type,
/// a <c>statx</c> only where the file system does not. Elsewhere (or where the C library has no <c>statx</c>) .NET's
/// enumeration.
/// </summary>
internal static class DirectoryReader
{
    // Every entry, hidden or not, and nothing skipped silently: an unreadable entry fails the listing as it would with ls.
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The entries of <paramref name="fullPath"/>, with their facts when <paramref name="withFacts"/>, in listing order.</summary>
    public static DirectoryListing Read(string fullPath, bool withFacts, string owner, FileRights rights) =>
        Read(fullPath, withFacts, owner, rights, DirectoryNamesCache.Shared);

    /// <summary>
    /// As the other, with the cache that keeps big directories' names (null: none): NLST takes them from it, and every
    /// read leaves them there (a LIST's too: clients often follow one with an NLST).
    /// </summary>
    internal static DirectoryListing Read(string fullPath, bool withFacts, string owner, FileRights rights, DirectoryNamesCache? names)
    {
        var listing = new DirectoryListing(fullPath, owner, rights);
        try
        {
            switch (TryReadNative(fullPath, withFacts, listing, names, out var stamp))
            {
                case NativeRead.Kept:
                    return listing; // in listing order already
                case NativeRead.Read:
                    listing.Sort();
                    if (stamp is { } read)
                    {
                        names!.Offer(fullPath, read, listing);
                    }
                    return listing;
                default:
                    listing.Clear();
                    ReadPortable(fullPath, listing);
                    listing.Sort();
                    return listing;
            }
        }
        catch
        {
            listing.Dispose();
            throw;
        }
    }

    private enum NativeRead { Unavailable, Read, Kept }

    /// <summary>SEC-TRAVERSAL for the portable enumeration: a link is never listed (its type comes with the entry's lstat).</summary>
    private static bool IsNoLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    // Optimised at once: a listing is a long loop that tiered compilation would otherwise run unoptimised the first times.
    // With a cache, the directory's stamp is taken before its entries are read, so a change during the read is never kept.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NativeRead TryReadNative(string directory, bool withFacts, DirectoryListing listing, DirectoryNamesCache? names,
        out DirectoryStamp? stamp)
    {
        stamp = null;
        if (withFacts && !LinuxDirectory.CanStat)
        {
            return NativeRead.Unavailable;
        }
        using var reader = LinuxDirectory.TryOpen(directory);
        if (reader is null)
        {
            return NativeRead.Unavailable;
        }
        if (names is not null && reader.TryStampSelf(out var current) && names.Keeps(current.Device, reader.IsOnLocalFileSystem))
        {
            if (!withFacts && names.Find(directory, current) is { } kept)
            {
                listing.Load(kept);
                return NativeRead.Kept;
            }
            stamp = current;
        }
        try
        {
            while (reader.MoveNext())
            {
                if (reader.Kind != EntryKind.Link) // readdir names it a link: left out without a statx
                {
                    listing.Add(reader.Name, new EntryFacts(reader.Kind, 0, 0, 0));
                }
            }
            // The entry's own statx decides (a link is never stat'ed through); gone since readdir: not listed.
            EntryStats.Fill(listing, reader.Descriptor, all: withFacts);
            listing.RemoveUnlisted();
        }
        catch (EntryPointNotFoundException)
        {
            stamp = null;
            return NativeRead.Unavailable;
        }
        return NativeRead.Read;
    }

    /// <summary>.NET's enumeration (other systems, or no <c>statx</c>): the same entries, facts and order as the native read.</summary>
    internal static void ReadPortable(string directory, DirectoryListing listing)
    {
        var found = new FileSystemEnumerable<bool>(directory, (ref FileSystemEntry e) =>
        {
            listing.Add(e.FileName, new EntryFacts(e.IsDirectory ? EntryKind.Directory : EntryKind.File, e.Length,
                e.LastWriteTimeUtc.UtcTicks, e.CreationTimeUtc.UtcTicks));
            return true;
        }, Everything) { ShouldIncludePredicate = IsNoLink };
        foreach (var _ in found)
        {
        }
    }
}
