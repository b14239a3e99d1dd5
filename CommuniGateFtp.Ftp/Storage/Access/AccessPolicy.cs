using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// The one place that decides who may do what in File Storage: everything for the owner and administrators (FS-WHO),
/// else lookup and read outside <c>private</c> (FS-IMPLICIT) plus the rights of every matching ACL entry (FS-ACL).
/// </summary>
public sealed class AccessPolicy(IAccessControlStore acl)
{
    /// <summary>FS-SPECIAL: the top-level directory whose contents nobody else sees without an ACL.</summary>
    public const string PrivateDirectory = "private";

    private static readonly IReadOnlySet<string> NoGroups = new HashSet<string>();

    /// <summary>Why <paramref name="caller"/> has every right on <paramref name="owner"/>'s storage, or null (FS-WHO).</summary>
    public static string? FullRightsReason(AuthenticatedAccount caller, StorageOwner owner) =>
        caller.IsAnonymous ? null
        : caller.Id == owner.Id ? "owner"
        : caller.IsAdministrator ? "server administrator"
        : caller.IsDomainAdministrator && caller.Domain == owner.Domain ? "domain administrator"
        : null;

    /// <summary>FS-IMPLICIT: lookup and read for every authenticated account, except inside <c>private</c>.</summary>
    public static FileRights Implicit(VirtualPath inner) =>
        inner.Segments.Count > 0 && inner.Segments[0] == PrivateDirectory ? FileRights.None : FileRights.Lookup | FileRights.Read;

    /// <summary>The caller's rights on an item: what <see cref="ExplainAsync"/> adds up, without the list of reasons (every command asks).</summary>
    public async ValueTask<FileRights> RightsAsync(AuthenticatedAccount caller, StorageOwner owner, VirtualPath inner, CancellationToken cancellationToken)
    {
        if (FullRightsReason(caller, owner) is not null)
        {
            return FileRights.All;
        }
        var rights = Implicit(inner);
        if (caller.IsAnonymous)
        {
            return rights; // SES-ANON: no ACL speaks of anonymous users
        }
        var entries = await acl.GetAsync(owner.Id, inner, cancellationToken);
        if (entries.Count == 0)
        {
            return rights;
        }
        var groups = await GroupsAsync(caller, owner, entries, cancellationToken);
        foreach (var entry in entries)
        {
            rights |= entry.Grantee.Matches(caller, owner, groups) ? entry.Rights : FileRights.None;
        }
        return rights;
    }

    /// <summary>The caller's rights on an item of <paramref name="owner"/>'s storage, rule by rule.</summary>
    public async Task<AccessExplanation> ExplainAsync(AuthenticatedAccount caller, StorageOwner owner, VirtualPath inner,
        CancellationToken cancellationToken)
    {
        if (FullRightsReason(caller, owner) is { } reason)
        {
            return new AccessExplanation(FileRights.All, [new AccessRule(reason, FileRights.All)]);
        }
        var rules = new List<AccessRule>();
        if (Implicit(inner) is not FileRights.None and var implicitRights)
        {
            rules.Add(new AccessRule("implicit", implicitRights));
        }
        if (caller.IsAnonymous)
        {
            return new AccessExplanation(Implicit(inner), rules); // SES-ANON: no ACL speaks of anonymous users
        }
        var entries = await acl.GetAsync(owner.Id, inner, cancellationToken);
        var groups = await GroupsAsync(caller, owner, entries, cancellationToken);
        rules.AddRange(entries.Where(e => e.Grantee.Matches(caller, owner, groups)).Select(e => new AccessRule("acl", e.Rights, e.Grantee.ToString())));
        return new AccessExplanation(rules.Aggregate(FileRights.None, (all, rule) => all | rule.Rights), rules);
    }

    /// <summary>The caller's rights on each item inside a directory, from one ACL query (listings show them).</summary>
    public async Task<Func<string, FileRights>> ChildRightsAsync(AuthenticatedAccount caller, StorageOwner owner, VirtualPath directory,
        CancellationToken cancellationToken)
    {
        if (FullRightsReason(caller, owner) is not null)
        {
            return _ => FileRights.All;
        }
        var children = caller.IsAnonymous
            ? new Dictionary<string, IReadOnlyList<AclEntry>>()
            : await acl.GetChildrenAsync(owner.Id, directory, cancellationToken);
        var insidePrivate = Implicit(directory) == FileRights.None;
        if (children.Count == 0 && (insidePrivate || !directory.IsRoot))
        {
            var same = insidePrivate ? FileRights.None : FileRights.Lookup | FileRights.Read;
            return _ => same; // no child has an ACL: the directory's place decides for every entry
        }
        var groups = await GroupsAsync(caller, owner, children.Values.SelectMany(e => e), cancellationToken);
        return name =>
        {
            var rights = insidePrivate || (directory.IsRoot && name == PrivateDirectory) ? FileRights.None : FileRights.Lookup | FileRights.Read;
            foreach (var entry in children.GetValueOrDefault(name) ?? [])
            {
                rights |= entry.Grantee.Matches(caller, owner, groups) ? entry.Rights : FileRights.None;
            }
            return rights;
        };
    }

    // #group entries need the caller's memberships; other ACLs spare the query.
    private async Task<IReadOnlySet<string>> GroupsAsync(AuthenticatedAccount caller, StorageOwner owner, IEnumerable<AclEntry> entries,
        CancellationToken cancellationToken) =>
        entries.Any(e => e.Grantee.Kind == GranteeKind.Group) ? await acl.GroupsOfAsync(caller.Id, owner.Domain, cancellationToken) : NoGroups;
}
