using System.Net;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// The temporary blacklist in PostgreSQL, shared by every node. A failure is counted in one transaction: an upsert
/// (<c>INSERT … ON CONFLICT</c>) creates the address's row or locks the existing one, the policy is applied to it, and the
/// result is written back; a second node counting the same address waits for the lock and counts on top. A block and a
/// lift are announced on <see cref="Channel"/> with their commit, so every node applies them at once.
/// </summary>
public sealed class DatabaseBlacklistStore(IServiceScopeFactory scopes) : ITemporaryBlacklistStore
{
    /// <summary>The NOTIFY channel of blocks and lifts (Cluster.ClusterNotifications reloads the blocked set on it).</summary>
    public const string Channel = "cgftp_blacklist";

    public async Task<BlacklistState> CountAsync(IPAddress address, int failures, BlacklistPolicy policy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var key = address.ToString();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var entry = (await db.TemporaryBlacklist.FromSql($"""
                INSERT INTO temporary_blacklist ("Address", "Failures", "WindowStartedAt", "Offences", "LastFailureAt")
                VALUES ({key}, 0, {now}, 0, {now})
                ON CONFLICT ("Address") DO UPDATE SET "LastFailureAt" = temporary_blacklist."LastFailureAt"
                RETURNING *
                """).ToListAsync(ct)).Single();
            var state = policy.Count(entry.ToState(), failures, now);
            entry.Apply(state);
            await db.SaveChangesAsync(ct);
            if (state.BlockedSince == now)
            {
                await db.Database.ExecuteSqlRawAsync($"NOTIFY {Channel}", ct);
            }
            await transaction.CommitAsync(ct);
            return state;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<BlacklistState>> BlockedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var entries = await db.TemporaryBlacklist.AsNoTracking().Where(e => e.BlockedUntil > now).OrderBy(e => e.BlockedSince).ToListAsync(cancellationToken);
        return [.. entries.Select(e => e.ToState())];
    }

    public async Task<bool> LiftAsync(IPAddress address, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var key = address.ToString();
        if (await db.TemporaryBlacklist.Where(e => e.Address == key).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }
        await db.Database.ExecuteSqlRawAsync($"NOTIFY {Channel}", cancellationToken);
        return true;
    }

    public async Task ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        await db.TemporaryBlacklist
            .Where(e => e.LastFailureAt < before && (e.BlockedUntil == null || e.BlockedUntil < before))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
