using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>
/// REIN (RFC 959, SES-REIN): back to a fresh, logged-out session after any running transfer. A protected session gets
/// <c>502</c> from the dispatcher's security rules.
/// </summary>
[FtpCommand("REIN")]
public sealed class ReinHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (context.Session.CurrentTransfer is { } transfer)
        {
            await transfer.Completion.WaitAsync(cancellationToken);
        }
        await context.Session.ReinitializeAsync();
        return new FtpReply(220, "Service ready for new user");
    }
}
