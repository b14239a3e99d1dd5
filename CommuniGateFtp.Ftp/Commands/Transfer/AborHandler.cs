using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// ABOR (RFC 959, CMD-ABOR-RULE): a running transfer is stopped and answers 426 itself, then ABOR answers 226;
/// a pending data connection is closed.
/// </summary>
[FtpCommand("ABOR")]
public sealed class AborHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        await context.Session.SetDataChannelAsync(null);
        if (context.Session.CurrentTransfer is { } transfer)
        {
            transfer.Abort();
            await transfer.Completion.WaitAsync(cancellationToken);
            return new FtpReply(226, "ABOR successful");
        }
        return new FtpReply(226, "No transfer to abort");
    }
}
