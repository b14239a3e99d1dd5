using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// LPSV (RFC 1639): <c>228 Entering Long Passive Mode (4,4,h1,h2,h3,h4,2,p1,p2)</c>, with the WAN address for clients
/// outside the LAN when SET-WANADDR is on.
/// </summary>
[FtpCommand("LPSV")]
public sealed class LpsvHandler(DataChannelFactory channels) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.ControlIsIPv6)
        {
            return new FtpReply(521, "Supported address families are (4)");
        }
        return await channels.PreparePassiveAsync(context.Session,
            advertised => new FtpReply(228, $"Entering Long Passive Mode ({HostPort.FormatLpsv(advertised.Address, advertised.Port)})"));
    }
}
