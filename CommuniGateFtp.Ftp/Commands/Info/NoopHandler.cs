using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>NOOP (RFC 959).</summary>
[FtpCommand("NOOP")]
public sealed class NoopHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FtpReply(ReplyCode.CommandOk, "NOOP ok"));
}
