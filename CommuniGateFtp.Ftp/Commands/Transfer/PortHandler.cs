using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>PORT (RFC 959): the client's address for an active data connection (SEC-BOUNCE applies).</summary>
[FtpCommand("PORT", ArgumentRequired = true)]
public sealed class PortHandler(DataChannelFactory channels) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        return HostPort.TryParsePort(context.Command.Argument, out var target)
            ? await channels.PrepareActiveAsync(context.Session, target)
            : new FtpReply(501, "Syntax: PORT h1,h2,h3,h4,p1,p2");
    }
}
