using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>APPE (RFC 959): appends to a file, creating it when missing; a REST marker is ignored (CMD-APPE).</summary>
[FtpCommand("APPE")]
public sealed class AppeHandler(TransferRunner transfers) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var path = PathArgument.New(context);
        var storage = session.RequireStorage();
        storage.RequireDirectory(path.Parent);
        if (storage.Find(path) is { IsDirectory: true })
        {
            throw StorageException.IsDirectory();
        }
        var ascii = session.TransferType == TransferType.Ascii;
        return ValueTask.FromResult(transfers.Start(session, "APPE", path.ToString(), TransferDirection.Receive,
            $"Opening data connection to append to {path.Name}", UploadBody.For(UploadTarget.Append(storage, path), ascii), cancellationToken));
    }
}
