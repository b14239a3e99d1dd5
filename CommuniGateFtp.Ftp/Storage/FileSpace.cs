using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// A logged-in session's view of File Storage (FS-PATH): <c>/</c> is the caller's own storage, <c>/~name/…</c> and
/// <c>/~name@domain/…</c> other accounts'. Every command reaches an item through <see cref="DemandAsync"/>, which makes
/// the one rights check (FS-RIGHTS) before the handler touches anything.
/// </summary>
public sealed class FileSpace(AuthenticatedAccount caller, StorageOwner self, StorageArea home, FileStore store, IStorageOwners owners,
    AccessPolicy policy)
{
    public AuthenticatedAccount Caller { get; } = caller;

    /// <summary>Ties a path to the storage that holds it; 550 when the referenced account does not exist. No rights check.</summary>
    public async Task<StorageLocation> LocateAsync(VirtualPath path, CancellationToken cancellationToken)
    {
        if (path.AccountReference is not { } reference)
        {
            return new StorageLocation(path, self, home, path);
        }
        var at = reference.IndexOf('@');
        var name = AccountName.Normalize(at < 0 ? reference : reference[..at]);
        var domain = at < 0 ? Caller.Domain : DomainName.Normalize(reference[(at + 1)..]);
        var owner = name == self.Name && domain == self.Domain ? self
            : await owners.FindAsync(name, domain, cancellationToken) ?? throw StorageException.NotFound();
        // PWD shows accounts of one's own Domain without the domain (FS-PATH).
        var display = VirtualPath.InAccount(owner.Domain == Caller.Domain ? owner.Name : owner.Address, path.Inner);
        return new StorageLocation(display, owner, owner == self ? home : store.Open(owner), path.Inner);
    }

    /// <summary>
    /// Locates <paramref name="path"/> and checks that the caller may do <paramref name="access"/> there (FS-WHO,
    /// FS-IMPLICIT, FS-ACL): <c>550 Permission denied</c> otherwise. A missing item is reported as missing only to
    /// callers who may look into its directory, so nothing leaks out of <c>private</c>.
    /// </summary>
    public async Task<StorageLocation> DemandAsync(VirtualPath path, StorageAccess access, CancellationToken cancellationToken)
    {
        var location = await LocateAsync(path, cancellationToken);
        if (AccessPolicy.FullRightsReason(Caller, location.Owner) is not null)
        {
            return location; // the owner and administrators: no database round trip
        }
        var inner = location.Inner;
        var item = location.Area.Find(inner);
        if (item is null && access is not (StorageAccess.Store or StorageAccess.Insert))
        {
            await RequireAsync(location.Owner, inner.Parent, FileRights.Lookup, cancellationToken);
            throw StorageException.NotFound();
        }
        var (target, needed) = access switch
        {
            StorageAccess.Lookup => item!.IsDirectory ? (inner, FileRights.Lookup) : (inner.Parent, FileRights.Lookup),
            StorageAccess.Read => item!.IsDirectory ? (inner, FileRights.Lookup) : (inner, FileRights.Read),
            StorageAccess.Write => (inner, FileRights.Write),
            StorageAccess.Store => item is null ? (inner.Parent, FileRights.Insert) : (inner, FileRights.Write),
            StorageAccess.Insert => (inner.Parent, item is null ? FileRights.Insert : FileRights.Insert | FileRights.Delete),
            StorageAccess.Delete => (inner.Parent, FileRights.Delete),
            _ => throw new ArgumentOutOfRangeException(nameof(access)),
        };
        await RequireAsync(location.Owner, target, needed, cancellationToken);
        return location;
    }

    /// <summary>
    /// The entries of a directory with the caller's rights on each (listings show them), sorted by name. The owner and
    /// administrators have every right on everything; other callers' rights come from one look-up for the whole
    /// directory (<see cref="AccessPolicy.ChildRightsAsync"/>), never one per entry.
    /// </summary>
    public async Task<IReadOnlyList<StorageEntry>> ListAsync(StorageLocation directory, CancellationToken cancellationToken)
    {
        await SocketEventThread.LeaveAsync(); // a directory read takes as long as the directory is big
        if (AccessPolicy.FullRightsReason(Caller, directory.Owner) is not null)
        {
            return directory.Area.List(directory.Inner);
        }
        var rightsOf = await policy.ChildRightsAsync(Caller, directory.Owner, directory.Inner, cancellationToken);
        return directory.Area.List(directory.Inner, rightsOf);
    }

    /// <summary>What LIST, NLST and STAT show for a location: a directory's entries, or the file itself.</summary>
    public async Task<IReadOnlyList<StorageEntry>> EntriesAtAsync(StorageLocation location, CancellationToken cancellationToken)
    {
        var item = location.Area.Require(location.Inner);
        return item.IsDirectory
            ? await ListAsync(location, cancellationToken)
            : [(await WithRightsAsync(location, item, cancellationToken)) with { Name = location.Inner.Name }];
    }

    /// <summary>
    /// A directory read for LIST, MLSD (<paramref name="withFacts"/>) or NLST, with the caller's rights on each entry as
    /// <see cref="ListAsync"/> gives them; null when the location is a file. The caller disposes it (the transfer does).
    /// </summary>
    public async Task<DirectoryListing?> ListingAsync(StorageLocation location, bool withFacts, CancellationToken cancellationToken)
    {
        await SocketEventThread.LeaveAsync(); // a directory read takes as long as the directory is big
        if (!location.Area.Require(location.Inner).IsDirectory)
        {
            return null;
        }
        if (!withFacts || AccessPolicy.FullRightsReason(Caller, location.Owner) is not null)
        {
            return location.Area.ReadListing(location.Inner, withFacts); // NLST shows no rights
        }
        var rightsOf = await policy.ChildRightsAsync(Caller, location.Owner, location.Inner, cancellationToken);
        return location.Area.ReadListing(location.Inner, withFacts, rightsOf);
    }

    /// <summary>One item with the caller's rights on it (MLST).</summary>
    public Task<StorageEntry> EntryAsync(StorageLocation location, CancellationToken cancellationToken) =>
        WithRightsAsync(location, location.Area.Require(location.Inner), cancellationToken);

    /// <summary>An existing file the caller may read (RETR SIZE MDTM HASH); <c>550</c> for a directory.</summary>
    public async Task<(StorageLocation Location, StorageEntry File)> ReadableFileAsync(VirtualPath path, CancellationToken cancellationToken)
    {
        var location = await DemandAsync(path, StorageAccess.Read, cancellationToken);
        return (location, location.Area.RequireFile(location.Inner));
    }

    private async Task<StorageEntry> WithRightsAsync(StorageLocation location, StorageEntry entry, CancellationToken cancellationToken) =>
        AccessPolicy.FullRightsReason(Caller, location.Owner) is not null
            ? entry
            : entry with { Rights = await policy.RightsAsync(Caller, location.Owner, location.Inner, cancellationToken) };

    private async Task RequireAsync(StorageOwner owner, VirtualPath item, FileRights needed, CancellationToken cancellationToken)
    {
        var rights = await policy.RightsAsync(Caller, owner, item, cancellationToken);
        if ((rights & needed) != needed)
        {
            throw StorageException.PermissionDenied();
        }
    }
}
