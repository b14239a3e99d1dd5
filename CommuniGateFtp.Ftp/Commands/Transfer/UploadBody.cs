using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// The data phase shared by STOR, APPE and STOU: network → file, CRLF → LF in TYPE A, stopped at the owner's size
/// limit (FS-QUOTA-HIT), and the owner's usage updated after the last byte (FS-QUOTA: an upload into <c>~other/</c>
/// counts against <c>other</c>). A new file inherits its directory's ACL (FS-INHERIT).
/// </summary>
public sealed class UploadBody(IStorageUsage usage, StorageChanges changes)
{
    /// <summary>
    /// The file STOR or APPE writes (FS-RIGHTS: <c>w</c> on it when it exists, else <c>i</c> on its directory), in an
    /// existing directory, with what is there now; a directory is never written to.
    /// </summary>
    public static async Task<(StorageLocation Location, StorageEntry? Existing)> TargetAsync(FtpCommandContext context,
        CancellationToken cancellationToken)
    {
        var location = await context.Session.RequireFiles().DemandAsync(PathArgument.New(context), StorageAccess.Store, cancellationToken);
        location.Area.RequireDirectory(location.Inner.Parent);
        var existing = location.Area.Find(location.Inner);
        return existing is { IsDirectory: true } ? throw StorageException.IsDirectory() : (location, existing);
    }

    /// <summary>Reads the owner's allowance once: the refusal when a new file is over the files limit, else null.</summary>
    public async Task<(Protocol.FtpReply? Refusal, QuotaAllowance Allowance)> CheckAsync(StorageLocation location, UploadTarget target,
        CancellationToken cancellationToken)
    {
        var allowance = await usage.GetAllowanceAsync(location.Owner.Id, cancellationToken);
        return (target.CreatesFile && !allowance.AllowsNewFile ? new Protocol.FtpReply(552, QuotaAllowance.FilesLimitExceeded) : null, allowance);
    }

    public Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(StorageLocation location, UploadTarget target, bool ascii,
        QuotaAllowance allowance) =>
        async (network, transfer, stall, ct) =>
        {
            var file = target.Open();
            try
            {
                var guarded = new QuotaGuardStream(file, allowance.BytesLeft + target.BytesReplaced);
                await TransferCopy.CopyAsync(network, true, guarded, transfer, stall, ct, ascii ? AsciiConverters.FromNetwork() : null);
                await file.FlushAsync(ct);
                var grown = target.Complete(file);
                await usage.AddAsync(location.Owner.Id, grown, target.CreatesFile ? 1 : 0, CancellationToken.None);
                if (target.CreatesFile)
                {
                    await changes.FileCreatedAsync(location);
                }
            }
            catch (QuotaExceededException)
            {
                target.Undo(file);
                throw;
            }
            finally
            {
                await file.DisposeAsync();
            }
        };
}
