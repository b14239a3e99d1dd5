namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// What one upload holds of its owner's allowance while it writes (FS-QUOTA): a file when it creates one, and bytes in
/// growing chunks as the data arrives, each taken atomically from the database so that parallel uploads can never end
/// above the limit together. <see cref="SettleAsync"/> turns the reservation into the real change. Unlimited kinds
/// reserve nothing and cost no round trip.
/// </summary>
public sealed class QuotaReservation(IStorageUsage usage, int accountId, QuotaLimits limits, TimeProvider time)
{
    private const long FirstChunk = 1 << 20;
    private const long LargestChunk = 64 << 20;
    private const int Attempts = 3;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>Bytes added to the owner's usage ahead of the data.</summary>
    public long Bytes { get; private set; }

    /// <summary>Files added to the owner's usage ahead of the file.</summary>
    public long Files { get; private set; }

    /// <summary>Reserves the new file an upload creates; false when the files limit is reached (FS-QUOTA-HIT: 552).</summary>
    public async Task<bool> TryReserveFileAsync(CancellationToken cancellationToken)
    {
        if (limits.Files is null)
        {
            return true;
        }
        Files += await usage.ReserveAsync(accountId, QuotaKind.Files, 1, cancellationToken);
        return Files == 1;
    }

    /// <summary>
    /// Makes sure <paramref name="total"/> bytes are covered, reserving a chunk that grows with the upload (fewer round
    /// trips for big files); <see cref="QuotaExceededException"/> when the limit does not leave that much.
    /// </summary>
    public async ValueTask CoverAsync(long total, CancellationToken cancellationToken)
    {
        if (limits.Bytes is null || total <= Bytes)
        {
            return;
        }
        var wanted = Math.Max(total - Bytes, Math.Clamp(Bytes, FirstChunk, LargestChunk));
        for (var attempt = 1; ; attempt++)
        {
            Bytes += await usage.ReserveAsync(accountId, QuotaKind.Bytes, wanted, cancellationToken);
            if (Bytes >= total)
            {
                return;
            }
            if (attempt == Attempts)
            {
                throw new QuotaExceededException();
            }
            // A parallel upload that just hit the limit gives its reservation back a moment later.
            wanted = total - Bytes;
            await Task.Delay(Pause, time, cancellationToken);
        }
    }

    /// <summary>Replaces the reservation by the real change of the owner's storage.</summary>
    public async Task SettleAsync(long bytes, long files, CancellationToken cancellationToken)
    {
        await usage.AddAsync(accountId, bytes - Bytes, files - Files, cancellationToken);
        (Bytes, Files) = (0, 0);
    }
}
