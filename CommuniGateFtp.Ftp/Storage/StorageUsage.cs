using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Storage limits and usage in the database (FS-QUOTA): effective limits (account, else the Domain's default, else
/// unlimited) and atomic usage updates, so sessions on any node count against the same numbers.
/// </summary>
public sealed class StorageUsage(SessionDatabase database) : IStorageUsage, IDisposable
{
    // A burst of small uploads asks for the same account's limits per file: a second's memory saves a round trip each.
    // A limit set in that second is still enforced exactly by the reservation, which reads the limits it applies.
    private static readonly TimeSpan LimitsKept = TimeSpan.FromSeconds(1);
    private readonly MemoryCache _limits = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Dispose() => _limits.Dispose();

    public async Task<QuotaLimits> GetLimitsAsync(int accountId, CancellationToken cancellationToken)
    {
        if (_limits.TryGetValue(accountId, out QuotaLimits? known))
        {
            return known!;
        }
        var account = await database.RunAsync((db, ct) => db.Accounts.AsNoTracking().Include(a => a.Domain).FirstOrDefaultAsync(a => a.Id == accountId, ct),
            cancellationToken);
        var limits = account is null ? QuotaLimits.None : new QuotaLimits(
            StorageLimit.Effective(account.StorageSizeLimit, account.Domain.DefaultStorageSizeLimit),
            StorageLimit.Effective(account.StorageFilesLimit, account.Domain.DefaultStorageFilesLimit));
        _limits.Set(accountId, limits, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LimitsKept });
        return limits;
    }

    /// <summary>Adds (or, negative, removes) bytes and files to an account's usage.</summary>
    public async Task AddAsync(int accountId, long bytes, long files, CancellationToken cancellationToken)
    {
        if (bytes == 0 && files == 0)
        {
            return;
        }
        await database.RunAsync((db, ct) => db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.StorageBytesUsed, a => Math.Max(0, a.StorageBytesUsed + bytes))
            .SetProperty(a => a.StorageFilesUsed, a => Math.Max(0, a.StorageFilesUsed + files)), ct), cancellationToken);
    }

    public async Task<long> ReserveAsync(int accountId, QuotaKind kind, long wanted, CancellationToken cancellationToken)
    {
        var granted = await database.RunAsync((db, ct) => db.Database.SqlQueryRaw<long>(kind == QuotaKind.Bytes ? ReserveBytes : ReserveFiles,
            new NpgsqlParameter<int>("id", accountId), new NpgsqlParameter<long>("wanted", wanted)).ToListAsync(ct), cancellationToken);
        return granted.Count == 0 ? wanted : granted[0];
    }

    private static readonly string ReserveBytes = ReserveSql("StorageBytesUsed", "StorageSizeLimit", "DefaultStorageSizeLimit");
    private static readonly string ReserveFiles = ReserveSql("StorageFilesUsed", "StorageFilesLimit", "DefaultStorageFilesLimit");

    // One statement: the row lock (FOR UPDATE) makes concurrent reservations of one account take turns, and the grant is
    // what is left under the effective limit (StorageLimit.Effective in SQL: a limit is stored as digits, 'default' or
    // 'unlimited'; only digits limit).
    private static string ReserveSql(string used, string limit, string domainDefault) => $"""
        WITH cur AS (
            SELECT a."Id" AS id, a."{used}" AS used,
                   CASE WHEN a."{limit}" = 'default' THEN d."{domainDefault}" ELSE a."{limit}" END AS effective
            FROM accounts a JOIN domains d ON d."Id" = a."DomainId"
            WHERE a."Id" = @id
            FOR UPDATE OF a)
        UPDATE accounts AS a SET "{used}" = cur.used + g.amount
        FROM cur, LATERAL (SELECT CASE WHEN cur.effective ~ '^[0-9]+$'
                                       THEN GREATEST(0, LEAST(@wanted, cur.effective::bigint - cur.used))
                                       ELSE @wanted END AS amount) AS g
        WHERE a."Id" = cur.id
        RETURNING g.amount AS "Value"
        """;
}
