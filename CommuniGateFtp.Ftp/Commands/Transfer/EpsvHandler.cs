using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>EPSV (RFC 2428): <c>229 Entering Extended Passive Mode (|||port|)</c>; <c>EPSV ALL</c> locks out the others.</summary>
[FtpCommand("EPSV", Feature = "EPSV")]
public sealed class EpsvHandler(DataChannelFactory channels) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Command.Argument.Trim();
        if (argument.Equals("ALL", StringComparison.OrdinalIgnoreCase))
        {
            context.Session.EpsvAll = true; // RFC 2428 4
            return new FtpReply(200, "EPSV ALL ok");
        }
        var family = context.Session.ControlIsIPv6 ? "2" : "1";
        if (argument.Length > 0 && argument != family)
        {
            return new FtpReply(522, family == "1" ? "Network protocol not supported, use (1)" : "Network protocol not supported, use (2)");
        }
        return await channels.PreparePassiveAsync(context.Session,
            advertised => new FtpReply(229, $"Entering Extended Passive Mode (|||{advertised.Port}|)"));
    }
}
