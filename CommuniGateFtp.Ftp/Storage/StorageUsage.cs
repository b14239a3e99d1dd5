using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Storage limits and usage in the database (FS-QUOTA): effective limits (account, else the Domain's default, else
/// unlimited) and atomic usage updates, so sessions on any node count against the same numbers.
/// </summary>
public sealed class StorageUsage(IServiceScopeFactory scopes) : IStorageUsage
{
    public async Task<QuotaAllowance> GetAllowanceAsync(int accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var account = await db.Accounts.AsNoTracking().Include(a => a.Domain).FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
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
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        await db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.StorageBytesUsed, a => Math.Max(0, a.StorageBytesUsed + bytes))
            .SetProperty(a => a.StorageFilesUsed, a => Math.Max(0, a.StorageFilesUsed + files)), cancellationToken);
    }
}
