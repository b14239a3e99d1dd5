using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>RNTO (RFC 959): only right after RNFR (503 otherwise); a file may replace a file, a directory nothing.</summary>
[FtpCommand("RNTO")]
public sealed class RntoHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.PendingRename is not { } source)
        {
            return ValueTask.FromResult(new FtpReply(503, "RNFR required first"));
        }
        var target = PathArgument.New(context);
        context.Session.RequireStorage().Rename(source, target);
        return ValueTask.FromResult(new FtpReply(250, "Rename successful"));
    }
}
