using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>RNFR (RFC 959): remembers an existing source for the RNTO that must follow.</summary>
[FtpCommand("RNFR")]
public sealed class RnfrHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.Existing(context);
        context.Session.RequireStorage().Require(path);
        context.Session.PendingRename = path;
        return ValueTask.FromResult(new FtpReply(350, "Ready for RNTO"));
    }
}
