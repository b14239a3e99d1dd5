using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>STOR (RFC 959): stores a file, atomically when it replaces one, resuming at the REST offset (FS-ATOMIC).</summary>
[FtpCommand("STOR", ArgumentRequired = true)]
public sealed class StorHandler(TransferRunner transfers, UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var offset = session.TakeRestartOffset();
        var (location, existing) = await UploadBody.TargetAsync(context, cancellationToken);
        var ascii = session.TransferType == TransferType.Ascii;
        if (offset > 0 && ascii)
        {
            return new FtpReply(550, "REST is not supported in ASCII mode");
        }
        if (offset > (existing?.Size ?? 0))
        {
            return new FtpReply(554, $"REST offset {offset} is beyond the file's size {existing?.Size ?? 0}");
        }
        var target = UploadTarget.Store(location.Area, location.Inner, existing, offset);
        var (refusal, allowance) = await uploads.CheckAsync(location, target, cancellationToken);
        return refusal ?? transfers.Start(session, "STOR", location.Path.ToString(), TransferDirection.Receive,
                $"Opening {(ascii ? "ASCII" : "BINARY")} mode data connection for {location.Inner.Name}",
                uploads.For(location, target, ascii, allowance), cancellationToken, target.Abandon);
    }
}
