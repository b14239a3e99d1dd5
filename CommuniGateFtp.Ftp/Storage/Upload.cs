using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// One upload from its gate to its final reply: it holds the file's <see cref="FileWriteLease"/>, writes through the
/// owner's <see cref="QuotaReservation"/>, and at the end books what really changed on disk (FS-QUOTA) and gives the
/// gate to the next writer. Measuring the file at the end, rather than adding up what was sent, keeps usage equal to
/// the disk for partial uploads kept for REST, quota hits and replacements alike.
/// </summary>
public sealed class Upload(StorageLocation location, StorageEntry? existing, UploadTarget target, QuotaReservation reservation,
    FileWriteLease lease, StorageChanges changes, FtpLogBook log)
{
    /// <summary>The stream the data phase writes to, stopped at the owner's size limit (FS-QUOTA-HIT).</summary>
    public FileWriter Open() => target.Open(reservation);

    /// <summary>After the last byte or a failure, before the final reply: clean up, book the change, let the next writer in.</summary>
    public async Task FinishAsync(bool succeeded)
    {
        try
        {
            if (!succeeded)
            {
                target.Abandon();
            }
            var now = location.Area.Find(location.Inner);
            // Two independent statements, sent side by side: a burst of small files waits for one round trip per file.
            await Task.WhenAll(
                reservation.SettleAsync((now?.Size ?? 0) - (existing?.Size ?? 0), (now is null ? 0 : 1) - (existing is null ? 0 : 1), CancellationToken.None),
                existing is null && now is not null
                    ? changes.FileCreatedAsync(location) // FS-INHERIT, also for a partial file kept for REST
                    : Task.CompletedTask);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The file is as the client was told; usage is recounted at the next start (StorageReconciler).
            log.WriteServer(CgpLogLevel.Failures, $"usage of {location.Owner.Name}@{location.Owner.Domain} not updated after an upload: {ex.Message}");
        }
        finally
        {
            lease.Dispose();
        }
    }
}
