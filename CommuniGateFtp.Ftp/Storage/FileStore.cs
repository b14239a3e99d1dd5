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

    private string StorageRoot => Path.GetFullPath(options.Value.StorageRoot);

    /// <summary>One account's storage.</summary>
    public StorageArea Open(StorageOwner owner)
    {
        var root = Path.Combine(StorageRoot, owner.Domain, owner.Name);
        Directory.CreateDirectory(root);
        return new StorageArea(root, Path.Combine(StorageRoot, StagingFolder), owner.Name, FileRights.All);
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

    /// <summary>A logged-in account's namespace: its own storage at <c>/</c>, other accounts' under <c>/~name</c> (FS-PATH).</summary>
    public FileSpace OpenSpace(AuthenticatedAccount caller)
    {
        var self = new StorageOwner(caller.Id, caller.Name, caller.Domain);
        // SES-ANON: an anonymous session's own root is an empty directory that nobody may write to.
        var home = caller.IsAnonymous
            ? new StorageArea(Directory.CreateDirectory(Path.Combine(StorageRoot, AnonymousFolder)).FullName, Path.Combine(StorageRoot, StagingFolder),
                caller.Name, FileRights.Lookup | FileRights.Read)
            : Open(self);
        return new FileSpace(caller, self, home, this, owners, policy);
    }
}
