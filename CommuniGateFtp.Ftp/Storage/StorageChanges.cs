using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Changes to File Storage that keep the books: the owner's usage (FS-QUOTA: writes into <c>~other/</c> count against
/// <c>other</c>) and the ACLs (FS-INHERIT: a new item copies its directory's ACL; a deleted one loses its ACL; a
/// renamed one keeps it). Rights were checked by <see cref="FileSpace.DemandAsync"/> before.
/// </summary>
public sealed class StorageChanges(IStorageUsage usage, IAccessControlStore acl)
{
    /// <summary>MKD: a directory counts against the files limit (FS-QUOTA-HIT: <c>550 Files limit exceeded</c>).</summary>
    public async Task MakeDirectoryAsync(StorageLocation target, CancellationToken cancellationToken)
    {
        // Reserved before it exists, atomically, so parallel MKDs and uploads cannot pass the limit together.
        if (await usage.ReserveAsync(target.Owner.Id, QuotaKind.Files, 1, cancellationToken) == 0)
        {
            throw new StorageException(550, QuotaLimits.FilesLimitExceeded);
        }
        try
        {
            target.Area.CreateDirectory(target.Inner);
        }
        catch
        {
            await usage.AddAsync(target.Owner.Id, 0, -1, CancellationToken.None);
            throw;
        }
        await acl.InheritAsync(target.Owner.Id, target.Inner, CancellationToken.None);
    }

    /// <summary>An upload created a new file: it starts with its directory's ACL.</summary>
    public Task FileCreatedAsync(StorageLocation target) => acl.InheritAsync(target.Owner.Id, target.Inner, CancellationToken.None);

    public async Task DeleteFileAsync(StorageLocation target)
    {
        var file = target.Area.DeleteFile(target.Inner);
        await usage.AddAsync(target.Owner.Id, -file.Size, -1, CancellationToken.None);
        await acl.RemoveAsync(target.Owner.Id, target.Inner, CancellationToken.None);
    }

    public async Task DeleteDirectoryAsync(StorageLocation target)
    {
        target.Area.DeleteDirectory(target.Inner);
        await usage.AddAsync(target.Owner.Id, 0, -1, CancellationToken.None);
        await acl.RemoveAsync(target.Owner.Id, target.Inner, CancellationToken.None);
    }

    /// <summary>RNTO: within one account only (<c>553</c>); a replaced file's bytes go back to the quota.</summary>
    public async Task RenameAsync(StorageLocation from, StorageLocation to)
    {
        if (from.Owner.Id != to.Owner.Id)
        {
            throw new StorageException(553, "Cannot rename into another account's storage");
        }
        var replaced = to.Area.Find(to.Inner);
        from.Area.Rename(from.Inner, to.Inner);
        if (replaced is { IsDirectory: false })
        {
            await usage.AddAsync(to.Owner.Id, -replaced.Size, -1, CancellationToken.None);
        }
        await acl.MoveAsync(to.Owner.Id, from.Inner, to.Inner, CancellationToken.None);
    }
}
