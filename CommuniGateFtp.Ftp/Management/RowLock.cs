using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// Runs a read-compare-write of one row in a transaction that locks the row first (<c>SELECT … FOR UPDATE</c>), so an
/// If-Match compared inside cannot go stale before the write commits (RFC 9110 13.1.1): a concurrent writer waits, then
/// sees the new row and fails its own precondition.
/// </summary>
public static class RowLock
{
    /// <param name="lockRow">A <c>SELECT … FOR UPDATE</c> naming the row.</param>
    /// <param name="work">Re-reads what it compares (the lock came after any earlier read), then writes or refuses.</param>
    public static Task<T> RunAsync<T>(FtpDbContext db, FormattableString lockRow, Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        // The retrying execution strategy replays the whole unit, lock included.
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync(lockRow, ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
