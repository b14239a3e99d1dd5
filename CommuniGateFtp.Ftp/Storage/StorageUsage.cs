using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Storage limits and usage in the database (FS-QUOTA): effective limits (account, else the Domain's default, else
/// unlimited) and atomic usage updates, so sessions on any node count against the same numbers.
/// </summary>
public sealed class StorageUsage(SessionDatabase database) : IStorageUsage
{
    public async Task<QuotaAllowance> GetAllowanceAsync(int accountId, CancellationToken cancellationToken)
    {
        var account = await database.RunAsync((db, ct) => db.Accounts.AsNoTracking().Include(a => a.Domain).FirstOrDefaultAsync(a => a.Id == accountId, ct),
            cancellationToken);
        if (account is null)
        {
            return QuotaAllowance.Unlimited;
        }
        var bytes = StorageLimit.Effective(account.StorageSizeLimit, account.Domain.DefaultStorageSizeLimit);
        var files = StorageLimit.Effective(account.StorageFilesLimit, account.Domain.DefaultStorageFilesLimit);
        return new QuotaAllowance(
            bytes is { } b ? Math.Max(0, b - account.StorageBytesUsed) : null,
            files is { } f ? Math.Max(0, f - account.StorageFilesUsed) : null);
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
