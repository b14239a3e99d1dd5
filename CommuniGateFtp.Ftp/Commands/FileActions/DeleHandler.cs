using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>DELE (RFC 959): deletes a file (a directory gets <c>550 Is a directory</c>) and gives its bytes back to the quota.</summary>
[FtpCommand("DELE", ArgumentRequired = true)]
public sealed class DeleHandler(StorageChanges changes) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var file = await context.Session.RequireFiles().DemandAsync(PathArgument.Existing(context), StorageAccess.Delete, cancellationToken);
        await changes.DeleteFileAsync(file);
        return new FtpReply(250, $"Deleted {file.Inner.Name}");
    }
}
