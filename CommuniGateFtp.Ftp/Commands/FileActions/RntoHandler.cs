using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>
/// RNTO (RFC 959): only right after RNFR (503 otherwise); a file may replace a file (whose bytes go back to the
/// quota), a directory nothing.
/// </summary>
[FtpCommand("RNTO")]
public sealed class RntoHandler(IStorageUsage usage) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.PendingRename is not { } source)
        {
            return new FtpReply(503, "RNFR required first");
        }
        var target = PathArgument.New(context);
        var storage = context.Session.RequireStorage();
        var replaced = storage.Find(target);
        storage.Rename(source, target);
        if (replaced is { IsDirectory: false })
        {
            await usage.AddAsync(context.Session.Account!.Id, -replaced.Size, -1, CancellationToken.None);
        }
        return new FtpReply(250, "Rename successful");
    }
}
