using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>
/// RNTO (RFC 959): only right after RNFR (503 otherwise); within one account's storage (553); a file may replace a
/// file (whose bytes go back to the quota), a directory nothing. The item keeps its ACL.
/// </summary>
[FtpCommand("RNTO", ArgumentRequired = true)]
public sealed class RntoHandler(StorageChanges changes) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.PendingRename is not { } pending)
        {
            return new FtpReply(503, "RNFR required first");
        }
        var files = context.Session.RequireFiles();
        var source = await files.DemandAsync(pending, StorageAccess.Delete, cancellationToken);
        var target = await files.DemandAsync(PathArgument.New(context), StorageAccess.Insert, cancellationToken);
        await changes.RenameAsync(source, target);
        return new FtpReply(250, "Rename successful");
    }
}
