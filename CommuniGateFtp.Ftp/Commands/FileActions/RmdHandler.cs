using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>RMD/XRMD (RFC 959, 775): removes an empty directory; a root or a non-empty directory gets 550.</summary>
[FtpCommand("RMD", "XRMD", ArgumentRequired = true)]
public sealed class RmdHandler(StorageChanges changes) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var directory = await context.Session.RequireFiles().DemandAsync(PathArgument.Existing(context), StorageAccess.Delete, cancellationToken);
        await changes.DeleteDirectoryAsync(directory);
        return new FtpReply(250, $"Removed {directory.Inner.Name}");
    }
}
