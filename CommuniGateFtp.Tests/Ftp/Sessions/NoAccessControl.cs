using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>
/// File Storage bookkeeping for protocol-level tests: no other accounts and no ACLs (the database's ACLs and
/// <c>~account</c> references are the end-to-end tests').
/// </summary>
public sealed class NoAccessControl : IAccessControlStore, IStorageOwners
{
    public Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AclEntry>>([]);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>> GetChildrenAsync(int ownerId, VirtualPath directory,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>>(new Dictionary<string, IReadOnlyList<AclEntry>>());

    public Task<IReadOnlySet<string>> GroupsOfAsync(int accountId, string domain, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StorageOwner?> FindAsync(string name, string domain, CancellationToken cancellationToken) => Task.FromResult<StorageOwner?>(null);
}
