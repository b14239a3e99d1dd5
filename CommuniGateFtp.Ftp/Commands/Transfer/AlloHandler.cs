using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>ALLO (RFC 959): nothing to reserve (FS-QUOTA-HIT: ALLO never reserves).</summary>
[FtpCommand("ALLO", ArgumentRequired = true)]
public sealed class AlloHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FtpReply(ReplyCode.NotNeeded, "ALLO not needed"));
}
