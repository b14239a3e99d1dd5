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
        var restart = RestartMarker.Take(session);
        var location = await UploadBody.LocateAsync(context, cancellationToken);
        var type = session.TransferType;
        if (restart.RefusalIn(type) is { } refusal)
        {
            return refusal;
        }
        var offset = restart.Offset;
        return await uploads.StartAsync(context, "STOR", location, existing =>
            {
                restart.RequireWithin(existing?.Size ?? 0);
                return new UploadPlan(UploadTarget.Store(location, existing, offset),
                    $"Opening {(type == TransferType.Ascii ? "ASCII" : "BINARY")} mode data connection for {location.Inner.Name}");
            }, cancellationToken,
            size: allocated > offset ? allocated - offset : null);
    }
}
