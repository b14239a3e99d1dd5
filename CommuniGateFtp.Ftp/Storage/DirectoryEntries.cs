using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// A directory's entries with their facts, links left out (SEC-TRAVERSAL), in one pass and sorted once by name
/// (ordinal): <c>readdir</c> and one <c>statx</c> per entry relative to the open directory on 64-bit Linux; .NET's
/// enumeration elsewhere (or where the C library has no <c>statx</c>).
/// </summary>
internal static class DirectoryEntries
{
    // Every entry, hidden or not, and nothing skipped silently: an unreadable entry fails the listing as it would with ls.
    internal static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The entries made by <paramref name="make"/> from each name and its facts, in ordinal name order.</summary>
    public static IReadOnlyList<StorageEntry> Read(string directory, Func<string, EntryFacts, StorageEntry> make)
    {
        using var entries = new PooledArrayBuilder<StorageEntry>();
        if (!TryReadNative(directory, make, entries))
        {
            entries.Clear();
            ReadPortable(directory, make, entries);
        }
        NameOrder.Sort(entries.AsSpan(), static e => e.Name);
        return new ChunkedList<StorageEntry>(entries.AsSpan());
    }

    /// <summary>SEC-TRAVERSAL for the portable enumeration: a link is never listed (its type comes with the entry's lstat).</summary>
    internal static bool IsNoLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    // Optimised at once: a listing is a long loop that tiered compilation would otherwise run unoptimised the first times.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadNative(string directory, Func<string, EntryFacts, StorageEntry> make, PooledArrayBuilder<StorageEntry> entries)
    {
        if (!LinuxDirectory.CanStat)
        {
            return false;
        }
        using var reader = LinuxDirectory.TryOpen(directory);
        if (reader is null)
        {
            return false;
        }
        try
        {
            while (reader.MoveNext())
            {
                // The entry's own statx decides (a link is never stat'ed through); one that readdir already names a
                // link is skipped without it.
                if (reader.Kind != EntryKind.Link && reader.TryStat(out var facts) && facts.Kind != EntryKind.Link)
                {
                    entries.Add(make(Encoding.UTF8.GetString(reader.Name), facts));
                }
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        return true;
    }

    private static void ReadPortable(string directory, Func<string, EntryFacts, StorageEntry> make, PooledArrayBuilder<StorageEntry> entries)
    {
        var found = new FileSystemEnumerable<(string, EntryFacts)>(directory, static (ref FileSystemEntry e) => (e.FileName.ToString(),
            new EntryFacts(e.IsDirectory ? EntryKind.Directory : EntryKind.File, e.Length, e.LastWriteTimeUtc.UtcTicks, e.CreationTimeUtc.UtcTicks)),
            Everything) { ShouldIncludePredicate = IsNoLink };
        foreach (var (name, facts) in found)
        {
            entries.Add(make(name, facts));
        }
    }
}
