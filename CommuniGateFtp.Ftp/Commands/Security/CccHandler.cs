using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// CCC (RFC 4217 12): refused with 533 (TLS-CCC). Clearing the control channel is not offered yet: <c>Ftp:Tls:AllowCcc</c>
/// is not honoured until it can be done without losing bytes the TLS layer has read ahead.
/// </summary>
[FtpCommand("CCC")]
public sealed class CccHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Session.ControlIsTls
            ? new FtpReply(533, "CCC not allowed")
            : new FtpReply(533, "Control connection is not protected"));
}
