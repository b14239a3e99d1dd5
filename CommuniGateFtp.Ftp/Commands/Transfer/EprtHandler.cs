using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>EPRT (RFC 2428): <c>|1|a.b.c.d|port|</c> or <c>|2|v6|port|</c> (SEC-BOUNCE applies).</summary>
[FtpCommand("EPRT", Feature = "EPRT", ArgumentRequired = true)]
public sealed class EprtHandler(DataChannelFactory channels) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        return HostPort.TryParseEprt(context.Command.Argument, out var target) switch
        {
            EprtResult.Ok => await channels.PrepareActiveAsync(context.Session, target),
            EprtResult.UnsupportedFamily => new FtpReply(522, "Network protocol not supported, use (1,2)"),
            _ => new FtpReply(501, "Syntax: EPRT |af|address|port|"),
        };
    }
}
