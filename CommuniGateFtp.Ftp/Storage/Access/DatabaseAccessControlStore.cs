using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>ACLs and group memberships in PostgreSQL (table <c>file_acl_entries</c>), shared by every node.</summary>
public sealed class DatabaseAccessControlStore(IServiceScopeFactory scopes) : IAccessControlStore
{
    public async Task<IReadOnlyList<AclEntry>> GetAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = path.ToString();
        var rows = await Db(scope).FileAccessControlEntries.AsNoTracking()
            .Where(e => e.AccountId == ownerId && e.Path == key)
            .OrderBy(e => e.Grantee)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToEntry).OfType<AclEntry>()];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AclEntry>>> GetChildrenAsync(int ownerId, VirtualPath directory,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var prefix = Prefix(directory);
        var rows = await Db(scope).FileAccessControlEntries.AsNoTracking()
            .Where(e => e.AccountId == ownerId && e.Path.StartsWith(prefix) && !e.Path.Substring(prefix.Length).Contains('/'))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Path[prefix.Length..])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AclEntry>)[.. g.Select(ToEntry).OfType<AclEntry>()], StringComparer.Ordinal);
    }

    public async Task<IReadOnlySet<string>> GroupsOfAsync(int accountId, string domain, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var names = await Db(scope).GroupMembers.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.Group.Domain.Name == domain)
            .Select(m => m.Group.Name)
            .ToListAsync(cancellationToken);
        return names.ToHashSet(StringComparer.Ordinal);
    }

    public async Task SetAsync(int ownerId, VirtualPath path, IReadOnlyList<AclEntry> entries, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var key = path.ToString();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.FileAccessControlEntries.Where(e => e.AccountId == ownerId && e.Path == key).ExecuteDeleteAsync(cancellationToken);
            db.FileAccessControlEntries.AddRange(entries.Select(e => ToRow(ownerId, key, e)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });
    }

    public async Task InheritAsync(int ownerId, VirtualPath item, CancellationToken cancellationToken)
    {
        var parent = await GetAsync(ownerId, item.Parent, cancellationToken);
        if (parent.Count > 0)
        {
            await SetAsync(ownerId, item, parent, cancellationToken);
        }
    }

    public async Task RemoveAsync(int ownerId, VirtualPath path, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = path.ToString();
        var beneath = Prefix(path);
        await Db(scope).FileAccessControlEntries
            .Where(e => e.AccountId == ownerId && (e.Path == key || e.Path.StartsWith(beneath)))
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task MoveAsync(int ownerId, VirtualPath from, VirtualPath to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var (source, sourceBeneath) = (from.ToString(), Prefix(from));
        var (target, targetBeneath) = (to.ToString(), Prefix(to));
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.FileAccessControlEntries
                .Where(e => e.AccountId == ownerId && (e.Path == target || e.Path.StartsWith(targetBeneath)))
                .ExecuteDeleteAsync(cancellationToken);
            await db.FileAccessControlEntries
                .Where(e => e.AccountId == ownerId && (e.Path == source || e.Path.StartsWith(sourceBeneath)))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Path, e => target + e.Path.Substring(source.Length)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private static FtpDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FtpDbContext>();

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
