using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>RMD/XRMD (RFC 959, 775): removes an empty directory; a root or a non-empty directory gets 550.</summary>
[FtpCommand("RMD", "XRMD")]
public sealed class RmdHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.Existing(context);
        context.Session.RequireStorage().DeleteDirectory(path);
        return ValueTask.FromResult(new FtpReply(250, $"Removed {path.Name}"));
    }
}
