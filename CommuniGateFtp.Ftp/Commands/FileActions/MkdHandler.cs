using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>
/// MKD/XMKD (RFC 959, 775): <c>257 "/abs/path" created</c>, quotes doubled (RFC 959 5.3.1); a directory counts against
/// the owner's files limit (FS-QUOTA-HIT: <c>550 Files limit exceeded</c>) and inherits its parent's ACL (FS-INHERIT).
/// </summary>
[FtpCommand("MKD", "XMKD", ArgumentRequired = true)]
public sealed class MkdHandler(StorageChanges changes) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var directory = await context.Session.RequireFiles().DemandAsync(PathArgument.New(context), StorageAccess.Insert, cancellationToken);
        await changes.MakeDirectoryAsync(directory, cancellationToken);
        return new FtpReply(257, $"{PathArgument.Quote(directory.Path)} created");
    }
}
