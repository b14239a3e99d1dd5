using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>ACLs and group memberships in PostgreSQL (table <c>file_acl_entries</c>), shared by every node.</summary>
public sealed class DatabaseAccessControlStore(SessionDatabase database) : IAccessControlStore
{
    public async Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken)
    {
        var key = path.ToString();
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

    public async Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken)
    {
        var key = path.ToString();
        await database.RunAsync((db, token) => db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear(); // a replayed attempt starts from nothing added
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.FileAccessControlEntries.Where(e => e.AccountId == ownerId && e.Path == key).ExecuteDeleteAsync(ct);
            db.FileAccessControlEntries.AddRange(entries.Select(e => ToRow(ownerId, key, e)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, token), cancellationToken);
    }

    // One statement, no read first: every new file pays it, and most directories have no ACL to copy. A new item has
    // no entries of its own (a deleted item's went with it), so the copy only adds.
    public Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken)
    {
        var (path, parent) = (item.ToString(), item.Parent.ToString());
        return database.RunAsync((db, ct) => db.Database.ExecuteSqlAsync($"""
            INSERT INTO file_acl_entries ("AccountId", "Path", "Grantee", "Rights")
            SELECT "AccountId", {path}, "Grantee", "Rights" FROM file_acl_entries WHERE "AccountId" = {ownerId} AND "Path" = {parent}
            ON CONFLICT ("AccountId", "Path", "Grantee") DO UPDATE SET "Rights" = EXCLUDED."Rights"
            """, ct), cancellationToken);
    }

    public async Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken)
    {
        var key = path.ToString();
        var beneath = Prefix(path);
        await database.RunAsync((db, ct) => db.FileAccessControlEntries
            .Where(e => e.AccountId == ownerId && (e.Path == key || e.Path.StartsWith(beneath)))
            .ExecuteDeleteAsync(ct), cancellationToken);
    }

    public async Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken)
    {
        var (source, sourceBeneath) = (from.ToString(), Prefix(from));
        var (target, targetBeneath) = (to.ToString(), Prefix(to));
        await database.RunAsync((db, token) => db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.FileAccessControlEntries
                .Where(e => e.AccountId == ownerId && (e.Path == target || e.Path.StartsWith(targetBeneath)))
                .ExecuteDeleteAsync(ct);
            await db.FileAccessControlEntries
                .Where(e => e.AccountId == ownerId && (e.Path == source || e.Path.StartsWith(sourceBeneath)))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Path, e => target + e.Path.Substring(source.Length)), ct);
            await transaction.CommitAsync(ct);
        }, token), cancellationToken);
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
