using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage.Access;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Opens accounts' File Storage under the configured storage root, creating a root on first use (FS-ROOT).</summary>
public sealed class FileStore(IOptions<FtpOptions> options, IStorageOwners owners, AccessPolicy policy)
{
    private const string StagingFolder = ".staging"; // domain names never start with '.', so this never collides
    private const string AnonymousFolder = ".anonymous";

    private static readonly TimeSpan StaleStaging = TimeSpan.FromDays(1);

    private string StorageRoot => Path.GetFullPath(options.Value.StorageRoot);

    // Each node stages in a folder of its own, so a node starting up clears only what its own earlier run left.
    private string StagingDirectory => Path.Combine(StorageRoot, StagingFolder, options.Value.Node);

    /// <summary>One account's storage.</summary>
    public StorageArea Open(StorageOwner owner)
    {
        var root = Path.Combine(StorageRoot, owner.Domain, owner.Name);
        Directory.CreateDirectory(root);
        return new StorageArea(root, StagingDirectory, owner.Name, FileRights.All);
    }

    /// <summary>Deletes an account's File Storage with everything in it (the account is being removed).</summary>
    public void Remove(StorageOwner owner)
    {
        var root = Path.Combine(StorageRoot, owner.Domain, owner.Name);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// At start, before any session (FS-ATOMIC): staging files of this node's earlier run belong to uploads that a crash
    /// cut off, and go; so do other nodes' staging files untouched for a day. Returns how many were removed.
    /// </summary>
    public int ClearStaging(DateTimeOffset now)
    {
        var removed = 0;
        var staging = new DirectoryInfo(Path.Combine(StorageRoot, StagingFolder));
        if (!staging.Exists)
        {
            return 0;
        }
        foreach (var file in staging.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.DirectoryName == StagingDirectory || now - file.LastWriteTimeUtc > StaleStaging)
            {
                file.Delete();
                removed++;
            }
        }
        return removed;
    }

    /// <summary>A logged-in account's namespace: its own storage at <c>/</c>, other accounts' under <c>/~name</c> (FS-PATH).</summary>
    public FileSpace OpenSpace(AuthenticatedAccount caller)
    {
        var self = new StorageOwner(caller.Id, caller.Name, caller.Domain);
        // SES-ANON: an anonymous session's own root is an empty directory that nobody may write to.
        var home = caller.IsAnonymous
            ? new StorageArea(Directory.CreateDirectory(Path.Combine(StorageRoot, AnonymousFolder)).FullName, StagingDirectory,
                caller.Name, FileRights.Lookup | FileRights.Read)
            : Open(self);
        return new FileSpace(caller, self, home, this, owners, policy);
    }
}
