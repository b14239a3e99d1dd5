using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>RNFR (RFC 959): remembers an existing source that the caller may remove, for the RNTO that must follow.</summary>
[FtpCommand("RNFR", ArgumentRequired = true)]
public sealed class RnfrHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var source = await context.Session.RequireFiles().DemandAsync(PathArgument.Existing(context), StorageAccess.Delete, cancellationToken);
        source.Area.Require(source.Inner);
        context.Session.PendingRename = source.Path;
        return new FtpReply(350, "Ready for RNTO");
    }
}
