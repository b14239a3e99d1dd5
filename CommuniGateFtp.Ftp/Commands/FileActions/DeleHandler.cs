using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>DELE (RFC 959): deletes a file (a directory gets <c>550 Is a directory</c>) and gives its bytes back to the quota.</summary>
[FtpCommand("DELE")]
public sealed class DeleHandler(IStorageUsage usage) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.Existing(context);
        var file = context.Session.RequireStorage().DeleteFile(path);
        await usage.AddAsync(context.Session.Account!.Id, -file.Size, -1, CancellationToken.None);
        return new FtpReply(250, $"Deleted {path.Name}");
    }
}
