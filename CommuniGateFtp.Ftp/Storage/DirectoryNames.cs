using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// The names in a directory, links left out (SEC-TRAVERSAL), from the directory entries alone: on 64-bit Linux the entry
/// type that <c>readdir</c> returns tells a link apart, where .NET's enumeration asks <c>lstat</c> (and <c>geteuid</c>)
/// for every entry to learn it. NLST of 20,000 names then makes no system call per name; only an entry whose type the
/// file system does not report costs one <c>statx</c>. Elsewhere (or without <c>statx</c>) the portable enumeration.
/// </summary>
internal static class DirectoryNames
{
    /// <summary>The names, in ordinal order.</summary>
    public static IReadOnlyList<string> Read(string directory)
    {
        using var names = new PooledArrayBuilder<string>();
        if (!TryReadNative(directory, names))
        {
            names.Clear();
            foreach (var name in new FileSystemEnumerable<string>(directory, static (ref FileSystemEntry e) => e.FileName.ToString(),
                DirectoryEntries.Everything) { ShouldIncludePredicate = DirectoryEntries.IsNoLink })
            {
                names.Add(name);
            }
        }
        NameOrder.Sort(names.AsSpan(), static n => n);
        return new ChunkedList<string>(names.AsSpan());
    }

    // Optimised at once: a listing is a long loop that tiered compilation would otherwise run unoptimised the first times.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadNative(string directory, PooledArrayBuilder<string> names)
    {
        using var reader = LinuxDirectory.TryOpen(directory);
        if (reader is null)
        {
            return false;
        }
        while (reader.MoveNext())
        {
            var kind = reader.Kind;
            if (kind == EntryKind.Unknown)
            {
                if (!LinuxDirectory.CanStat)
                {
                    return false;
                }
                try
                {
                    if (!reader.TryStat(out var facts))
                    {
                        continue;
                    }
                    kind = facts.Kind;
                }
                catch (EntryPointNotFoundException)
                {
                    return false;
                }
            }
            if (kind != EntryKind.Link)
            {
                names.Add(Encoding.UTF8.GetString(reader.Name));
            }
        }
        return true;
    }
}
