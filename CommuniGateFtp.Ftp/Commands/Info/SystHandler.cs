using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>SYST (RFC 959): the listing style clients should expect.</summary>
[FtpCommand("SYST")]
public sealed class SystHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FtpReply(ReplyCode.SystemType, "UNIX Type: L8"));
}
