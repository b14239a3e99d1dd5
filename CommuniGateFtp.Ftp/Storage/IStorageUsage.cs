namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Storage limits and usage of accounts (FS-QUOTA).</summary>
public interface IStorageUsage
{
    /// <summary>The account's effective limits; they may be up to a second old (usage never is: see <see cref="ReserveAsync"/>).</summary>
    Task<QuotaLimits> GetLimitsAsync(int accountId, CancellationToken cancellationToken);

    /// <summary>Adds (or, negative, removes) bytes and files to an account's usage.</summary>
    Task AddAsync(int accountId, long bytes, long files, CancellationToken cancellationToken);

    /// <summary>
    /// Adds up to <paramref name="wanted"/> to the account's usage of <paramref name="kind"/> in one atomic step, never
    /// past its effective limit, and returns how much was added (all of it when unlimited, 0 when the limit is reached).
    /// Parallel uploads reserve this way as they write, so together they cannot end above the limit.
    /// </summary>
    Task<long> ReserveAsync(int accountId, QuotaKind kind, long wanted, CancellationToken cancellationToken);
}
