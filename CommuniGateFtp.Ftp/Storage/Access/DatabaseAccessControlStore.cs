using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// ACLs and group memberships in PostgreSQL (table <c>file_acl_entries</c>), shared by every node. Which items have an
/// ACL at all is remembered per owner (<see cref="AclPresence"/>), so items without one cost no query; every change
/// tells the other nodes (<see cref="AclNotifications"/>) in the same transaction.
/// </summary>
public sealed class DatabaseAccessControlStore(SessionDatabase database, AclPresence presence) : IAccessControlStore
{
    public async Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken)
    {
        var key = path.ToString();
        if (!(await PathsAsync(ownerId, cancellationToken)).Contains(key))
        {
            return [];
        }
        var rows = await database.RunAsync((db, ct) => db.FileAccessControlEntries.AsNoTracking()
            .Where(e => e.AccountId == ownerId && e.Path == key)
            .OrderBy(e => e.Grantee)
            .ToListAsync(ct), cancellationToken);
        return [.. rows.Select(ToEntry).OfType<AclEntry>()];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>> GetChildrenAsync(int ownerId, VirtualPath directory,
        CancellationToken cancellationToken)
    {
        var prefix = Prefix(directory);
        if (!(await PathsAsync(ownerId, cancellationToken)).Any(p => p.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return new Dictionary<string, IReadOnlyList<AclEntry>>();
        }
        var rows = await database.RunAsync((db, ct) => db.FileAccessControlEntries.AsNoTracking()
            .Where(e => e.AccountId == ownerId && e.Path.StartsWith(prefix) && !e.Path.Substring(prefix.Length).Contains('/'))
            .ToListAsync(ct), cancellationToken);
        return rows.GroupBy(r => r.Path[prefix.Length..])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AclEntry>)[.. g.Select(ToEntry).OfType<AclEntry>()], StringComparer.Ordinal);
    }

    public async Task<IReadOnlySet<string>> GroupsOfAsync(int accountId, string domain, CancellationToken cancellationToken)
    {
        var names = await database.RunAsync((db, ct) => db.GroupMembers.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.Group.Domain.Name == domain)
            .Select(m => m.Group.Name)
            .ToListAsync(ct), cancellationToken);
        return names.ToHashSet(StringComparer.Ordinal);
    }

    public Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken)
    {
        var key = path.ToString();
        return ChangeAsync(ownerId, async (db, ct) =>
        {
            db.ChangeTracker.Clear(); // a replayed attempt starts from nothing added
            await db.FileAccessControlEntries.Where(e => e.AccountId == ownerId && e.Path == key).ExecuteDeleteAsync(ct);
            db.FileAccessControlEntries.AddRange(entries.Select(e => ToRow(ownerId, key, e)));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    // One statement, no read first: a new item has no entries of its own (a deleted item's went with it), so the copy
    // only adds. Nothing at all when the directory has no ACL, which is where most files are created.
    public async Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken)
    {
        var (path, parent) = (item.ToString(), item.Parent.ToString());
        if (!(await PathsAsync(ownerId, cancellationToken)).Contains(parent))
        {
            return;
        }
        var payload = AclNotifications.Payload(ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture), presence.Node);
        await database.RunAsync((db, ct) => db.Database.ExecuteSqlAsync($"""
            INSERT INTO file_acl_entries ("AccountId", "Path", "Grantee", "Rights")
            SELECT "AccountId", {path}, "Grantee", "Rights" FROM file_acl_entries WHERE "AccountId" = {ownerId} AND "Path" = {parent}
            ON CONFLICT ("AccountId", "Path", "Grantee") DO UPDATE SET "Rights" = EXCLUDED."Rights";
            SELECT pg_notify({AclNotifications.Channel}, {payload});
            """, ct), cancellationToken);
        presence.Added(ownerId, path);
    }

    public async Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken)
    {
        var key = path.ToString();
        var beneath = Prefix(path);
        if (!AclPresence.AnyAtOrBeneath(await PathsAsync(ownerId, cancellationToken), key, beneath))
        {
            return; // nothing to take along: the common case of DELE
        }
        await ChangeAsync(ownerId, (db, ct) => db.FileAccessControlEntries
            .Where(e => e.AccountId == ownerId && (e.Path == key || e.Path.StartsWith(beneath)))
            .ExecuteDeleteAsync(ct), cancellationToken);
    }

    public async Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken)
    {
        var (source, sourceBeneath) = (from.ToString(), Prefix(from));
        var (target, targetBeneath) = (to.ToString(), Prefix(to));
        var paths = await PathsAsync(ownerId, cancellationToken);
        if (!AclPresence.AnyAtOrBeneath(paths, source, sourceBeneath) && !AclPresence.AnyAtOrBeneath(paths, target, targetBeneath))
        {
            return;
        }
        await ChangeAsync(ownerId, async (db, ct) =>
        {
            await db.FileAccessControlEntries
                .Where(e => e.AccountId == ownerId && (e.Path == target || e.Path.StartsWith(targetBeneath)))
                .ExecuteDeleteAsync(ct);
            await db.FileAccessControlEntries
                .Where(e => e.AccountId == ownerId && (e.Path == source || e.Path.StartsWith(sourceBeneath)))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Path, e => target + e.Path.Substring(source.Length)), ct);
        }, cancellationToken);
    }

    // One transaction (replayed whole by EF's retrying strategy) that changes an owner's ACLs and tells the other nodes
    // at its commit; this node forgets what it knew of the owner whatever the outcome.
    private async Task ChangeAsync(int ownerId, Func<FtpDbContext, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await database.RunAsync((db, token) => db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await change(db, ct);
                await NotifyAsync(db, ownerId, ct);
                await transaction.CommitAsync(ct);
            }, token), cancellationToken);
        }
        finally
        {
            presence.Forget(ownerId);
        }
    }

    /// <summary>
    /// After ACL entries of many owners changed outside this store (an account removed, and the grants naming it):
    /// every node forgets what it knew. Runs on <paramref name="db"/>, inside the caller's transaction if it has one.
    /// </summary>
    public static Task NotifyEveryoneAsync(FtpDbContext db, AclPresence presence, CancellationToken cancellationToken)
    {
        presence.ForgetAll();
        var payload = AclNotifications.Payload(AclNotifications.Everyone, presence.Node);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({AclNotifications.Channel}, {payload})", cancellationToken);
    }

    private ValueTask<System.Collections.Frozen.FrozenSet<string>> PathsAsync(int ownerId, CancellationToken cancellationToken) =>
        presence.PathsAsync(ownerId, ct => database.RunAsync((db, token) => db.FileAccessControlEntries.AsNoTracking()
            .Where(e => e.AccountId == ownerId).Select(e => e.Path).Distinct().ToListAsync(token), ct), cancellationToken);

    private Task NotifyAsync(FtpDbContext db, int ownerId, CancellationToken cancellationToken)
    {
        var payload = AclNotifications.Payload(ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture), presence.Node);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({AclNotifications.Channel}, {payload})", cancellationToken);
    }

    // The text every path strictly beneath a directory starts with.
    private static string Prefix(VirtualPath directory) => directory.IsRoot ? "/" : directory + "/";

    private static AclEntry? ToEntry(FileAccessControlEntry row) =>
        Grantee.TryParse(row.Grantee, out var grantee) && RightsLetters.TryParse(row.Rights, out var rights) ? new AclEntry(grantee, rights) : null;

    private static FileAccessControlEntry ToRow(int ownerId, string path, AclEntry entry) => new()
    {
        AccountId = ownerId,
        Path = path,
        Grantee = entry.Grantee.ToString(),
        Rights = RightsLetters.Format(entry.Rights),
    };
}
