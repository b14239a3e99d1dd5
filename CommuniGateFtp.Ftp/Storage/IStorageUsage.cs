namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Storage limits and usage of accounts (FS-QUOTA).</summary>
public interface IStorageUsage
{
    Task<QuotaAllowance> GetAllowanceAsync(int accountId, CancellationToken cancellationToken);

    /// <summary>Adds (or, negative, removes) bytes and files to an account's usage.</summary>
    Task AddAsync(int accountId, long bytes, long files, CancellationToken cancellationToken);
}
