using System.IO.Enumeration;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// One account's File Storage on disk (<c>&lt;StorageRoot&gt;/&lt;domain&gt;/&lt;account&gt;/</c>). Every path comes in as a
/// <see cref="VirtualPath"/>; a symbolic link anywhere on the way makes the item invisible (SEC-TRAVERSAL: never followed).
/// </summary>
public sealed class StorageArea(string root, string stagingDirectory, string owner, FileRights ownerRights)
{
    public string Root { get; } = root;

    public string Owner { get; } = owner;

    public string FullPath(VirtualPath path) => path.IsRoot ? Root : Path.Join([Root, .. path.Segments]);

    /// <summary>The item at <paramref name="path"/>, or null when it does not exist (or hides behind a link).</summary>
    public StorageEntry? Find(VirtualPath path)
    {
        if (!PathIsFree(path))
        {
            return null;
        }
        FileSystemInfo info = new DirectoryInfo(FullPath(path));
        if (!info.Exists)
        {
            info = new FileInfo(info.FullName);
        }
        return info.Exists && info.LinkTarget is null ? ToEntry(info, path.IsRoot ? "/" : path.Name) : null;
    }

    public StorageEntry Require(VirtualPath path) => Find(path) ?? throw StorageException.NotFound();

    public StorageEntry RequireFile(VirtualPath path) =>
        Require(path) is { IsDirectory: false } entry ? entry : throw StorageException.IsDirectory();

    public StorageEntry RequireDirectory(VirtualPath path) =>
        Require(path) is { IsDirectory: true } entry ? entry : throw StorageException.NotDirectory();

    /// <summary>The directory's entries, links left out, in ordinal name order.</summary>
    public IEnumerable<StorageEntry> List(VirtualPath directory)
    {
        RequireDirectory(directory);
        // Straight from the directory entries: one lstat each (the link test, size and times share it), no
        // FileSystemInfo and no readlink per entry, which dominated listings of thousands of files.
        var fullPath = FullPath(directory);
        var entries = new FileSystemEnumerable<StorageEntry>(fullPath,
            (ref FileSystemEntry e) => ToEntry(ref e, fullPath), EnumerationOptions) { ShouldIncludePredicate = IsNoLink };
        return entries.OrderBy(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The names in a directory (NLST), links left out, in ordinal order.</summary>
    public IEnumerable<string> Names(VirtualPath directory)
    {
        RequireDirectory(directory);
        if (DirectoryNames.TryRead(FullPath(directory)) is { } fast)
        {
            fast.Sort(StringComparer.Ordinal);
            return fast;
        }
        var names = new FileSystemEnumerable<string>(FullPath(directory),
            (ref FileSystemEntry e) => e.FileName.ToString(), EnumerationOptions) { ShouldIncludePredicate = IsNoLink };
        return names.Order(StringComparer.Ordinal);
    }

    public void CreateDirectory(VirtualPath path)
    {
        RequireDirectory(path.Parent);
        if (Find(path) is not null || File.Exists(FullPath(path)) || Directory.Exists(FullPath(path)))
        {
            throw StorageException.Exists();
        }
        Directory.CreateDirectory(FullPath(path));
    }

    /// <summary>Deletes a file and returns what it was (its size goes back to the quota).</summary>
    public StorageEntry DeleteFile(VirtualPath path)
    {
        var file = RequireFile(path);
        File.Delete(FullPath(path));
        return file;
    }

    public void DeleteDirectory(VirtualPath path)
    {
        if (path.IsRoot)
        {
            throw StorageException.PermissionDenied();
        }
        RequireDirectory(path);
        if (Directory.EnumerateFileSystemEntries(FullPath(path)).Any())
        {
            throw StorageException.NotEmpty();
        }
        Directory.Delete(FullPath(path));
    }

    /// <summary>RNTO (CMD-RNTO): a file may replace a file; a directory never replaces anything.</summary>
    public void Rename(VirtualPath from, VirtualPath to)
    {
        var source = Require(from);
        RequireDirectory(to.Parent);
        var intoItself = to.Segments.Count > from.Segments.Count && to.Segments.Take(from.Segments.Count).SequenceEqual(from.Segments);
        if (from.IsRoot || to.IsRoot || intoItself)
        {
            throw StorageException.PermissionDenied(); // into itself
        }
        var target = Find(to);
        if (source.IsDirectory)
        {
            if (target is not null)
            {
                throw StorageException.Exists();
            }
            Directory.Move(FullPath(from), FullPath(to));
        }
        else
        {
            if (target is { IsDirectory: true })
            {
                throw StorageException.IsDirectory();
            }
            File.Move(FullPath(from), FullPath(to), overwrite: true);
        }
    }

    public void SetModified(VirtualPath path, DateTimeOffset time)
    {
        var entry = Require(path);
        if (entry.IsDirectory)
        {
            Directory.SetLastWriteTimeUtc(FullPath(path), time.UtcDateTime);
        }
        else
        {
            File.SetLastWriteTimeUtc(FullPath(path), time.UtcDateTime);
        }
    }

    /// <summary>A new staging file on the same volume, outside every account tree (FS-ATOMIC, FS-SPECIAL).</summary>
    public string NewStagingFile()
    {
        Directory.CreateDirectory(stagingDirectory);
        return Path.Combine(stagingDirectory, Guid.NewGuid().ToString("N"));
    }

    // Every existing component below the root must be a real directory, not a link.
    private bool PathIsFree(VirtualPath path)
    {
        var current = Root;
        foreach (var segment in path.Segments.Take(path.Segments.Count - 1))
        {
            current = Path.Join(current, segment);
            var info = new DirectoryInfo(current);
            if (!info.Exists || info.LinkTarget is not null)
            {
                return false;
            }
        }
        return true;
    }

    // Every entry, hidden or not, and nothing skipped silently: an unreadable entry fails the listing as it would with ls.
    private static readonly EnumerationOptions EnumerationOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    // SEC-TRAVERSAL: a link is never listed (its type comes with the entry's lstat).
    private static bool IsNoLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0;

    private StorageEntry ToEntry(ref FileSystemEntry entry, string directory) =>
        new(
            entry.FileName.ToString(),
            entry.IsDirectory,
            entry.IsDirectory ? 0 : entry.Length,
            entry.LastWriteTimeUtc,
            Owner,
            ownerRights,
            UniqueKey(directory, entry.FileName, entry.CreationTimeUtc.UtcTicks));

    private StorageEntry ToEntry(FileSystemInfo info, string name) => new(
        name,
        info is DirectoryInfo,
        info is FileInfo file ? file.Length : 0,
        new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
        Owner,
        ownerRights,
        UniqueKey(info.FullName, [], info.CreationTimeUtc.Ticks));

    // RFC 3659 7.5.2: stable for the item's life. .NET exposes no inode number, so: FNV-1a of the full path and the
    // creation time. A listing hashes its directory and each name in turn rather than building every full path.
    private static ulong UniqueKey(ReadOnlySpan<char> directory, ReadOnlySpan<char> name, long createdTicks)
    {
        var hash = Fnv(14695981039346656037UL ^ (ulong)createdTicks, directory);
        if (name.IsEmpty)
        {
            return hash;
        }
        if (!directory.EndsWith(Path.DirectorySeparatorChar))
        {
            hash = (hash ^ Path.DirectorySeparatorChar) * 1099511628211UL;
        }
        return Fnv(hash, name);
    }

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
