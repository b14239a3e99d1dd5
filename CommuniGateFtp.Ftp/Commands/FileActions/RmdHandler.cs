using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>RMD/XRMD (RFC 959, 775): removes an empty directory; a root or a non-empty directory gets 550.</summary>
[FtpCommand("RMD", "XRMD")]
public sealed class RmdHandler(IStorageUsage usage) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.Existing(context);
        context.Session.RequireStorage().DeleteDirectory(path);
        await usage.AddAsync(context.Session.Account!.Id, 0, -1, CancellationToken.None);
        return new FtpReply(250, $"Removed {path.Name}");
    }
}
