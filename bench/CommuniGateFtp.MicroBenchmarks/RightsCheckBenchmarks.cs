using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>
/// The rights check (FS-RIGHTS) with the ACLs in memory, so only the policy's own cost is measured: the owner (no ACL
/// consulted), another account on a file with an ACL, and the per-entry rights of a 1,000-entry listing.
/// </summary>
[MemoryDiagnoser]
public class RightsCheckBenchmarks
{
    private const int Entries = 1000;
    private static readonly StorageOwner Owner = new(1, "bob", "example.com");
    private static readonly AuthenticatedAccount Bob = new(1, "bob", "example.com", false);
    private static readonly AuthenticatedAccount Alice = new(2, "alice", "example.com", false);

    private readonly AccessPolicy _policy = new(new InMemoryAcl());
    private readonly VirtualPath _shared = VirtualPath.Root.Append("shared").Append("report.txt");
    private readonly VirtualPath _directory = VirtualPath.Root.Append("shared");
    private string[] _names = [];

    [GlobalSetup]
    public void Setup() => _names = [.. Enumerable.Range(0, Entries).Select(i => $"entry{i:00000}.txt")];

    [Benchmark(Baseline = true)]
    public ValueTask<FileRights> Owner_on_a_file() => _policy.RightsAsync(Bob, Owner, _shared, CancellationToken.None);

    [Benchmark]
    public ValueTask<FileRights> Other_account_on_a_file_with_an_acl() => _policy.RightsAsync(Alice, Owner, _shared, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task<FileRights> Other_account_per_listing_entry()
    {
        var rightsOf = await _policy.ChildRightsAsync(Alice, Owner, _directory, CancellationToken.None);
        var all = FileRights.None;
        foreach (var name in _names)
        {
            all |= rightsOf(name);
        }
        return all;
    }

    // One ACL entry on /shared/report.txt granting alice write; nothing else.
    private sealed class InMemoryAcl : IAccessControlStore
    {
        private static readonly IReadOnlyList<AclEntry> Grant = [new(new Grantee(GranteeKind.Account, "alice"), FileRights.Write)];
        private static readonly IReadOnlyDictionary<string, IReadOnlyList<AclEntry>> Children =
            new Dictionary<string, IReadOnlyList<AclEntry>>(StringComparer.Ordinal) { ["report.txt"] = Grant };

        public Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken) =>
            Task.FromResult(path.Name == "report.txt" ? Grant : []);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>> GetChildrenAsync(int ownerId, VirtualPath directory,
            CancellationToken cancellationToken) => Task.FromResult(Children);

        public Task<IReadOnlySet<string>> GroupsOfAsync(int accountId, string domain, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

        public Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
