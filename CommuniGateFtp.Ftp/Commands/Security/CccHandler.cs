using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// CCC (RFC 4217 12): the control connection goes back to clear text after a close_notify exchange; data protection
/// stays as it was (TLS-CCC). When it is allowed (after login on TLS, live setting <c>allowCcc</c>) is the dispatcher's rule.
/// </summary>
[FtpCommand("CCC", Feature = "CCC", Condition = FeatureCondition.CccAllowed)]
public sealed class CccHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        context.Session.Security.RequestClearControl();
        return ValueTask.FromResult(new FtpReply(200, "Control connection cleared"));
    }
}
