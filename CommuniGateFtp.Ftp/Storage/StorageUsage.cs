using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Storage limits and usage in the database (FS-QUOTA): effective limits (account, else the Domain's default, else
/// unlimited) and atomic usage updates, so sessions on any node count against the same numbers.
/// <para>
/// What a finished upload or a delete changes is booked in memory (<see cref="AddAsync"/> costs no round trip) and
/// written for all accounts at once by <see cref="StorageUsageWriter"/> a moment later. A reservation takes its account's
/// booked change along in its own statement, so the limit is always checked against the exact usage of this node's
/// work; what a crash loses of the booked changes, the recount at the next start restores (StorageReconciler).
/// </para>
/// </summary>
public sealed class StorageUsage(SessionDatabase database) : IStorageUsage, IDisposable
{
    // A burst of small uploads asks for the same account's limits per file: a second's memory saves a round trip each.
    // A limit set in that second is still enforced exactly by the reservation, which reads the limits it applies.
    private static readonly TimeSpan LimitsKept = TimeSpan.FromSeconds(1);
    private readonly MemoryCache _limits = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly PendingUsage _pending = new();
    private readonly SemaphoreSlim _booked = new(0);

    // Held while booked changes are on their way to the database: whoever needs the database to show them (a reader
    // of usage, a reservation) waits for that write to commit rather than read around it.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public void Dispose()
    {
        _limits.Dispose();
        _booked.Dispose();
        _writing.Dispose();
    }

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

    /// <summary>Books the change in memory; <see cref="FlushAsync"/> writes it (usage never goes below zero).</summary>
    public Task AddAsync(int accountId, long bytes, long files, CancellationToken cancellationToken)
    {
        if (bytes != 0 || files != 0)
        {
            _pending.Add(accountId, bytes, files);
            if (_booked.CurrentCount == 0)
            {
                _booked.Release();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>True while changes wait to be written.</summary>
    public bool HasBooked => !_pending.IsEmpty;

    /// <summary>Waits until something is booked (the writer's cue).</summary>
    public Task WaitForBookedAsync(CancellationToken cancellationToken) => _booked.WaitAsync(cancellationToken);

    /// <summary>
    /// Writes every booked change in one statement; on failure they stay booked for the next attempt. Returns once the
    /// database shows every change booked before the call, also those another caller was already writing.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var changes = _pending.TakeAll();
            if (changes.Count == 0)
            {
                return;
            }
            try
            {
                int[] ids = [.. changes.Select(c => c.AccountId)];
                long[] bytes = [.. changes.Select(c => c.Bytes)];
                long[] files = [.. changes.Select(c => c.Files)];
                await database.RunAsync((db, ct) => db.Database.ExecuteSqlAsync($"""
                    UPDATE accounts AS a SET "StorageBytesUsed" = GREATEST(0, a."StorageBytesUsed" + c.bytes),
                                             "StorageFilesUsed" = GREATEST(0, a."StorageFilesUsed" + c.files)
                    FROM unnest({ids}, {bytes}, {files}) AS c(id, bytes, files)
                    WHERE a."Id" = c.id
                    """, ct), cancellationToken);
            }
            catch
            {
                foreach (var (id, b, f) in changes)
                {
                    _pending.Add(id, b, f);
                }
                throw;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public async Task<long> ReserveAsync(int accountId, QuotaKind kind, long wanted, CancellationToken cancellationToken)
    {
        (long Bytes, long Files) booked;
        await _writing.WaitAsync(cancellationToken); // a write on its way carries changes of this account too
        try
        {
            booked = _pending.Take(accountId);
        }
        finally
        {
            _writing.Release();
        }
        var (bytes, files) = booked;
        try
        {
            var granted = await database.RunAsync((db, ct) => db.Database.SqlQueryRaw<long>(kind == QuotaKind.Bytes ? ReserveBytes : ReserveFiles,
                new NpgsqlParameter<int>("id", accountId), new NpgsqlParameter<long>("wanted", wanted),
                new NpgsqlParameter<long>("bytes", bytes), new NpgsqlParameter<long>("files", files)).ToListAsync(ct), cancellationToken);
            return granted.Count == 0 ? wanted : granted[0];
        }
        catch
        {
            _pending.Add(accountId, bytes, files);
            throw;
        }
    }

    private static readonly string ReserveBytes = ReserveSql("StorageBytesUsed", "StorageSizeLimit", "DefaultStorageSizeLimit", "@bytes", "StorageFilesUsed", "@files");
    private static readonly string ReserveFiles = ReserveSql("StorageFilesUsed", "StorageFilesLimit", "DefaultStorageFilesLimit", "@files", "StorageBytesUsed", "@bytes");

    // One statement: the row lock (FOR UPDATE) makes concurrent reservations of one account take turns, the account's
    // booked change is applied first, and the grant is what is left under the effective limit (StorageLimit.Effective in
    // SQL: a limit is stored as digits, 'default' or 'unlimited'; only digits limit).
    private static string ReserveSql(string used, string limit, string domainDefault, string booked, string otherUsed, string otherBooked) => $"""
        WITH cur AS (
            SELECT a."Id" AS id, GREATEST(0, a."{used}" + {booked}) AS used,
                   CASE WHEN a."{limit}" = 'default' THEN d."{domainDefault}" ELSE a."{limit}" END AS effective
            FROM accounts a JOIN domains d ON d."Id" = a."DomainId"
            WHERE a."Id" = @id
            FOR UPDATE OF a)
        UPDATE accounts AS a SET "{used}" = cur.used + g.amount, "{otherUsed}" = GREATEST(0, a."{otherUsed}" + {otherBooked})
        FROM cur, LATERAL (SELECT CASE WHEN cur.effective ~ '^[0-9]+$'
                                       THEN GREATEST(0, LEAST(@wanted, cur.effective::bigint - cur.used))
                                       ELSE @wanted END AS amount) AS g
        WHERE a."Id" = cur.id
        RETURNING g.amount AS "Value"
        """;
}
