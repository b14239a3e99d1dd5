using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>QUIT (RFC 959): says goodbye and closes the control connection (SES-QUIT).</summary>
[FtpCommand("QUIT")]
public sealed class QuitHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FtpReply(ReplyCode.ClosingControl, "Goodbye", closeConnection: true));
}
