using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>APPE (RFC 959): appends to a file, creating it when missing; a REST marker is ignored (CMD-APPE).</summary>
[FtpCommand("APPE")]
public sealed class AppeHandler(TransferRunner transfers, UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var path = PathArgument.New(context);
        var storage = session.RequireStorage();
        storage.RequireDirectory(path.Parent);
        var existing = storage.Find(path);
        if (existing is { IsDirectory: true })
        {
            throw StorageException.IsDirectory();
        }
        var ascii = session.TransferType == TransferType.Ascii;
        var target = UploadTarget.Append(storage, path, existing);
        var (refusal, allowance) = await uploads.CheckAsync(session, target, cancellationToken);
        return refusal ?? transfers.Start(session, "APPE", path.ToString(), TransferDirection.Receive,
                $"Opening data connection to append to {path.Name}", uploads.For(session, target, ascii, allowance), cancellationToken);
    }
}
