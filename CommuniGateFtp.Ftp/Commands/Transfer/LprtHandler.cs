using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>LPRT (RFC 1639): <c>af,hal,h…,pal,p…</c> (SEC-BOUNCE applies).</summary>
[FtpCommand("LPRT", ArgumentRequired = true)]
public sealed class LprtHandler(DataChannelFactory channels) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        return HostPort.TryParseLprt(context.Command.Argument, out var target) switch
        {
            EprtResult.Ok => await channels.PrepareActiveAsync(context.Session, target),
            EprtResult.UnsupportedFamily => new FtpReply(521, "Supported address families are (4,6)"),
            _ => new FtpReply(501, "Syntax: LPRT af,hal,h1,...,pal,p1,p2"),
        };
    }
}
