using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>ACCT (RFC 959): not needed here (SES-ACCT).</summary>
[FtpCommand("ACCT", ArgumentRequired = true)]
public sealed class AcctHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FtpReply(ReplyCode.NotNeeded, "ACCT not needed"));
}
