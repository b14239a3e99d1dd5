using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// Starts the uploads of STOR, APPE and STOU: takes the file's write gate (one writer per file: concurrent appends run
/// one after the other, each whole), looks at the file under it, reserves a new file against the owner's files limit,
/// and hands an <see cref="Upload"/> to the transfer engine. Uploads into <c>~other/</c> count against <c>other</c>.
/// </summary>
public sealed class UploadBody(IStorageUsage usage, StorageChanges changes, FileWriteGate gates, TransferEngine engine, LiveSettings live,
    FtpLogBook log, TimeProvider time)
{
    /// <summary>
    /// The file STOR or APPE writes (FS-RIGHTS: <c>w</c> on it when it exists, else <c>i</c> on its directory), in an
    /// existing directory.
    /// </summary>
    public static async Task<StorageLocation> LocateAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var location = await context.Session.RequireFiles().DemandAsync(PathArgument.New(context), StorageAccess.Store, cancellationToken);
        location.Area.RequireDirectory(location.Inner.Parent);
        return location;
    }

    /// <summary>
    /// Waits for the file's gate as long as a client waits for a data connection (then <c>450</c>: busy), asks
    /// <paramref name="plan"/> what to do with the file as it is now (it may refuse by throwing a <see cref="StorageException"/>),
    /// and starts the transfer.
    /// </summary>
    public async Task<FtpReply> StartAsync(FtpCommandContext context, string command, StorageLocation location,
        Func<StorageEntry?, UploadPlan> plan, CancellationToken cancellationToken, long? size = null)
    {
        var session = context.Session;
        var lease = await gates.EnterAsync(location, live.Current.DataConnectTimeout, cancellationToken)
                    ?? throw new StorageException(450, "File busy: another upload to it is in progress");
        var reservation = (QuotaReservation?)null;
        try
        {
            var existing = location.Area.Find(location.Inner);
            if (existing is { IsDirectory: true })
            {
                throw StorageException.IsDirectory();
            }
            var (target, openingText) = plan(existing);
            reservation = new QuotaReservation(usage, location.Owner.Id, await usage.GetLimitsAsync(location.Owner.Id, cancellationToken), time);
            if (target.CreatesFile && !await reservation.TryReserveFileAsync(cancellationToken))
            {
                await reservation.SettleAsync(0, 0, CancellationToken.None);
                lease.Dispose();
                return new FtpReply(552, QuotaLimits.FilesLimitExceeded);
            }
            var upload = new Upload(location, existing, target, reservation, lease, changes, log);
            return engine.Start(session, new TransferRequest(command, location.Path.ToString(), openingText,
                new FileUpload(upload, session.TransferType, size)), cancellationToken);
        }
        catch
        {
            if (reservation is not null)
            {
                await reservation.SettleAsync(0, 0, CancellationToken.None);
            }
            lease.Dispose();
            throw;
        }
    }
}
