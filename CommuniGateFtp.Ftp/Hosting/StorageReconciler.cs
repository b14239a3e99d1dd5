using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// FS-QUOTA: at start, recounts every account's File Storage on disk (bytes of files; files and directories) and
/// writes the numbers to the database, so usage is right even after files changed while the server was down.
/// Runs in the background: the server accepts sessions meanwhile.
/// </summary>
public sealed class StorageReconciler(IServiceScopeFactory scopes, IOptions<FtpOptions> options, FileStore files, TimeProvider time,
    ILogger<StorageReconciler> logger) : BackgroundService
{
    /// <summary>Clears what a crash left in staging before the listener (started after this service) accepts anyone.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = files.ClearStaging(time.GetUtcNow());
        if (removed > 0)
        {
            logger.LogWarning("Removed {Count} staging file(s) of uploads cut off by an earlier stop", removed);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var accounts = await db.Accounts.AsNoTracking().Select(a => new { a.Id, a.Name, Domain = a.Domain.Name }).ToListAsync(stoppingToken);
        var root = Path.GetFullPath(options.Value.StorageRoot);
        foreach (var account in accounts)
        {
            var (bytes, files) = Count(new DirectoryInfo(Path.Combine(root, account.Domain, account.Name)));
            await db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.StorageBytesUsed, bytes)
                .SetProperty(a => a.StorageFilesUsed, files), stoppingToken);
        }
        logger.LogInformation("Storage usage reconciled for {Count} account(s)", accounts.Count);
    }

    private static (long Bytes, long Files) Count(DirectoryInfo directory)
    {
        if (!directory.Exists)
        {
            return (0, 0);
        }
        long bytes = 0, files = 0;
        foreach (var item in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            files++;
            bytes += item is FileInfo file ? file.Length : 0;
        }
        return (bytes, files);
    }
}
