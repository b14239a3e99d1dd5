using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.Tests.Ftp.Storage.Access;

/// <summary>
/// The rights a listing shows on each entry of another account's directory (FS-IMPLICIT, FS-ACL), from one ACL query
/// for the whole directory: the directory's place decides when no child has an ACL, a child's ACL adds to it.
/// </summary>
public sealed class ChildRightsTests
{
    private const FileRights Implicit = FileRights.Lookup | FileRights.Read;
    private static readonly StorageOwner Owner = new(1, "bob", "example.com");
    private static readonly AuthenticatedAccount Alice = new(2, "alice", "example.com", false);

    [Fact]
    public async Task Without_child_acls_the_place_decides_private_included()
    {
        var policy = new AccessPolicy(new ChildAcls([]));

        var top = await policy.ChildRightsAsync(Alice, Owner, VirtualPath.Root, CancellationToken.None);
        var shared = await policy.ChildRightsAsync(Alice, Owner, VirtualPath.Root.Append("shared"), CancellationToken.None);
        var inside = await policy.ChildRightsAsync(Alice, Owner, VirtualPath.Root.Append(AccessPolicy.PrivateDirectory), CancellationToken.None);

        Assert.Equal([Implicit, FileRights.None], new[] { top("docs"), top(AccessPolicy.PrivateDirectory) });
        Assert.Equal([Implicit, Implicit], new[] { shared("a.txt"), shared(AccessPolicy.PrivateDirectory) });
        Assert.Equal(FileRights.None, inside("a.txt"));
    }

    [Fact]
    public async Task A_childs_acl_adds_to_that_child_only_and_only_for_its_grantee()
    {
        var policy = new AccessPolicy(new ChildAcls(new Dictionary<string, IReadOnlyList<AclEntry>>
        {
            ["drop"] = [new(new Grantee(GranteeKind.Account, "alice"), FileRights.Insert | FileRights.Write)],
            ["other"] = [new(new Grantee(GranteeKind.Account, "carol"), FileRights.Delete)],
        }));

        var inside = await policy.ChildRightsAsync(Alice, Owner, VirtualPath.Root.Append(AccessPolicy.PrivateDirectory), CancellationToken.None);

        Assert.Equal(FileRights.Insert | FileRights.Write, inside("drop"));
        Assert.Equal(FileRights.None, inside("other"));
        Assert.Equal(FileRights.None, inside("plain"));
        Assert.Equal(FileRights.All, (await policy.ChildRightsAsync(new AuthenticatedAccount(1, "bob", "example.com", false), Owner,
            VirtualPath.Root.Append(AccessPolicy.PrivateDirectory), CancellationToken.None))("plain"));
    }

    private sealed class ChildAcls(Dictionary<string, IReadOnlyList<AclEntry>> children) : IAccessControlStore
    {
        public Task<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>> GetChildrenAsync(int ownerId, VirtualPath directory,
            CancellationToken cancellationToken) => Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>>(children);

        public Task<IReadOnlySet<string>> GroupsOfAsync(int accountId, string domain, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

        public Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
