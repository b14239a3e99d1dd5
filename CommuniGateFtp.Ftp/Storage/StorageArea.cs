using CommuniGateFtp.Ftp.Storage.Native;

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
        var fullPath = Path.GetFullPath(FullPath(path)); // what FileSystemInfo.FullName says: the unique key is made from it
        return LookUp(fullPath) is { Kind: not EntryKind.Link } facts ? ToEntry(fullPath, path.IsRoot ? "/" : path.Name, facts) : null;
    }

    /// <summary>What .NET's file-system objects say of the item (the look-up where one statx cannot answer).</summary>
    internal StorageEntry? FindPortably(string fullPath, string name) =>
        LookUpPortably(fullPath) is { Kind: not EntryKind.Link } facts ? ToEntry(fullPath, name, facts) : null;

    public StorageEntry Require(VirtualPath path) => Find(path) ?? throw StorageException.NotFound();

    public StorageEntry RequireFile(VirtualPath path) =>
        Require(path) is { IsDirectory: false } entry ? entry : throw StorageException.IsDirectory();

    public StorageEntry RequireDirectory(VirtualPath path) =>
        Require(path) is { IsDirectory: true } entry ? entry : throw StorageException.NotDirectory();

    /// <summary>
    /// The directory's entries, links left out, in ordinal name order, from one read of the directory. Each carries the
    /// caller's rights from <paramref name="rightsOf"/> (by name), or the owner's rights when that is null. For STAT and
    /// the management API; listings sent over a data connection use <see cref="ReadListing"/> (no object per entry).
    /// </summary>
    public IReadOnlyList<StorageEntry> List(VirtualPath directory, Func<string, FileRights>? rightsOf = null)
    {
        using var listing = ReadListing(directory, withFacts: true, rightsOf);
        using var entries = new PooledArrayBuilder<StorageEntry>();
        for (var i = 0; i < listing.Count; i++)
        {
            var facts = listing.FactsAt(i);
            var isDirectory = facts.Kind == EntryKind.Directory;
            entries.Add(new StorageEntry(listing.NameTextAt(i), isDirectory, isDirectory ? 0 : facts.Size,
                new DateTimeOffset(facts.ModifiedTicks, TimeSpan.Zero), Owner, listing.RightsAt(i), listing.UniqueKeyAt(i)));
        }
        return new ChunkedList<StorageEntry>(entries.AsSpan());
    }

    /// <summary>
    /// The directory read for one listing: its entries' UTF-8 names, links left out, in ordinal name order, with their
    /// facts when <paramref name="withFacts"/> (LIST, MLSD; NLST needs none), and the caller's rights from
    /// <paramref name="rightsOf"/> (by name), or the owner's rights when that is null. The caller disposes it.
    /// </summary>
    public DirectoryListing ReadListing(VirtualPath directory, bool withFacts, Func<string, FileRights>? rightsOf = null)
    {
        RequireDirectory(directory);
        var listing = DirectoryReader.Read(FullPath(directory), withFacts, Owner, ownerRights);
        if (rightsOf is not null)
        {
            listing.SetRights(rightsOf);
        }
        return listing;
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
            if (LookUp(current)?.Kind != EntryKind.Directory)
            {
                return false;
            }
        }
        return true;
    }

    // The item's facts without following a link (a link is of kind Link), or null when nothing is there: one statx on
    // Linux, .NET's file-system objects elsewhere.
    private static EntryFacts? LookUp(string fullPath) =>
        LinuxDirectory.TryLookUp(fullPath, out var facts) ? facts : LookUpPortably(fullPath);

    private static EntryFacts? LookUpPortably(string fullPath)
    {
        FileSystemInfo info = new DirectoryInfo(fullPath);
        if (!info.Exists)
        {
            info = new FileInfo(fullPath);
        }
        if (!info.Exists)
        {
            return null;
        }
        var kind = info.LinkTarget is not null ? EntryKind.Link : info is DirectoryInfo ? EntryKind.Directory : EntryKind.File;
        return new EntryFacts(kind, info is FileInfo file ? file.Length : 0, info.LastWriteTimeUtc.Ticks, info.CreationTimeUtc.Ticks);
    }

    private StorageEntry ToEntry(string fullPath, string name, EntryFacts facts)
    {
        var isDirectory = facts.Kind == EntryKind.Directory;
        return new(name, isDirectory, isDirectory ? 0 : facts.Size, new DateTimeOffset(facts.ModifiedTicks, TimeSpan.Zero), Owner,
            ownerRights, UniqueKeys.Of(fullPath, ReadOnlySpan<char>.Empty, facts.CreatedTicks));
    }
}
