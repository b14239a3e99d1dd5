namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// The ACLs of File Storage items (FS-ACL, FS-INHERIT), kept by owner and path inside the owner's storage (<c>/dir/file</c>),
/// and the group memberships <c>#group</c> entries need. An item's entries follow it on rename and go with it on delete.
/// </summary>
public interface IAccessControlStore
{
    /// <summary>The entries of one item.</summary>
    Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken);

    /// <summary>The entries of every item directly inside <paramref name="directory"/>, by name (for listings).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>> GetChildrenAsync(int ownerId, VirtualPath directory, CancellationToken cancellationToken);

    /// <summary>The names of the groups of <paramref name="domain"/> that account <paramref name="accountId"/> is a member of.</summary>
    Task<IReadOnlySet<string>> GroupsOfAsync(int accountId, string domain, CancellationToken cancellationToken);

    /// <summary>Replaces an item's ACL.</summary>
    Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken);

    /// <summary>FS-INHERIT: a new item starts with a copy of its parent directory's ACL.</summary>
    Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken);

    /// <summary>Forgets the ACLs of an item and everything beneath it.</summary>
    Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken);

    /// <summary>An item renamed: its ACLs (and those beneath it) move along; the ACLs of a replaced target go.</summary>
    Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken);
}
