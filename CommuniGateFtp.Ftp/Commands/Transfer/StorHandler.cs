using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>STOR (RFC 959): stores a file, atomically when it replaces one, resuming at the REST offset (FS-ATOMIC).</summary>
[FtpCommand("STOR", ArgumentRequired = true)]
public sealed class StorHandler(UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var allocated = session.AllocatedSize;
        var offset = session.TakeRestartOffset();
        var location = await UploadBody.LocateAsync(context, cancellationToken);
        var ascii = session.TransferType == TransferType.Ascii;
        if (offset > 0 && ascii)
        {
            return new FtpReply(550, "REST is not supported in ASCII mode");
        }
        return await uploads.StartAsync(context, "STOR", location, existing =>
            offset > (existing?.Size ?? 0)
                ? throw new StorageException(554, $"REST offset {offset} is beyond the file's size {existing?.Size ?? 0}")
                : new UploadPlan(UploadTarget.Store(location.Area, location.Inner, existing, offset),
                    $"Opening {(ascii ? "ASCII" : "BINARY")} mode data connection for {location.Inner.Name}"), cancellationToken,
            size: allocated > offset ? allocated - offset : null);
    }
}
