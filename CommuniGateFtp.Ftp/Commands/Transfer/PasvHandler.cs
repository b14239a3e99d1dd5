using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// PASV (RFC 959): <c>227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)</c>, with the WAN address for clients outside the
/// LAN when SET-WANADDR is on; IPv6 control connections use EPSV.
/// </summary>
[FtpCommand("PASV")]
public sealed class PasvHandler(DataChannelFactory channels) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.ControlIsIPv6)
        {
            return new FtpReply(502, "PASV is for IPv4, use EPSV");
        }
        return await channels.PreparePassiveAsync(context.Session,
            advertised => new FtpReply(227, $"Entering Passive Mode ({HostPort.FormatPasv(advertised.Address, advertised.Port)})"));
    }
}
