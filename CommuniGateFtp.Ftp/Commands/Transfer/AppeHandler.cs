using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>APPE (RFC 959): appends to a file, creating it when missing; a REST marker is ignored (CMD-APPE).</summary>
[FtpCommand("APPE", ArgumentRequired = true)]
public sealed class AppeHandler(TransferRunner transfers, UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var (location, existing) = await UploadBody.TargetAsync(context, cancellationToken);
        var ascii = session.TransferType == TransferType.Ascii;
        var target = UploadTarget.Append(location.Area, location.Inner, existing);
        var (refusal, allowance) = await uploads.CheckAsync(location, target, cancellationToken);
        return refusal ?? transfers.Start(session, "APPE", location.Path.ToString(), TransferDirection.Receive,
                $"Opening data connection to append to {location.Inner.Name}", uploads.For(location, target, ascii, allowance), cancellationToken);
    }
}
