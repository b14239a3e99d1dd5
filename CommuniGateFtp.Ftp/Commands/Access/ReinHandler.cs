using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>REIN (RFC 959, SES-REIN): back to a fresh, logged-out session after any running transfer.</summary>
[FtpCommand("REIN")]
public sealed class ReinHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.ControlIsTls)
        {
            return new FtpReply(502, "REIN is not available on a protected connection"); // SES-REIN
        }
        if (context.Session.CurrentTransfer is { } transfer)
        {
            await transfer.Completion.WaitAsync(cancellationToken);
        }
        await context.Session.ReinitializeAsync();
        return new FtpReply(220, "Service ready for new user");
    }
}
