using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>QUIT (RFC 959): a running transfer finishes first, then goodbye and close (SES-QUIT).</summary>
[FtpCommand("QUIT")]
public sealed class QuitHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.CurrentTransfer is { } transfer)
        {
            await transfer.Completion.WaitAsync(cancellationToken);
        }
        return new FtpReply(ReplyCode.ClosingControl, "Goodbye", closeConnection: true);
    }
}
