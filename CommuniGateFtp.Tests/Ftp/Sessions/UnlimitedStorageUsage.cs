using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>Quota for protocol-level tests: no limits, usage counted in memory (the database is the API and end-to-end tests').</summary>
public sealed class UnlimitedStorageUsage : IStorageUsage
{
    public long Bytes { get; private set; }

    public long Files { get; private set; }

    public Task<QuotaLimits> GetLimitsAsync(int accountId, CancellationToken cancellationToken) => Task.FromResult(QuotaLimits.None);

    public Task AddAsync(int accountId, long bytes, long files, CancellationToken cancellationToken)
    {
        (Bytes, Files) = (Bytes + bytes, Files + files);
        return Task.CompletedTask;
    }

    public Task<long> ReserveAsync(int accountId, QuotaKind kind, long wanted, CancellationToken cancellationToken)
    {
        (Bytes, Files) = kind == QuotaKind.Bytes ? (Bytes + wanted, Files) : (Bytes, Files + wanted);
        return Task.FromResult(wanted);
    }
}
