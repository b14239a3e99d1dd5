using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// CCC (RFC 4217 12): after login on TLS, and only when the live setting <c>allowCcc</c> is on, the control connection goes
/// back to clear text after a close_notify exchange; data protection stays as it was (TLS-CCC).
/// </summary>
[FtpCommand("CCC", Feature = "CCC", Condition = FeatureCondition.CccAllowed)]
public sealed class CccHandler(LiveSettings settings) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (!session.ControlIsTls)
        {
            return ValueTask.FromResult(new FtpReply(533, "Control connection is not protected"));
        }
        if (!settings.Current.AllowCcc)
        {
            return ValueTask.FromResult(new FtpReply(533, "CCC not allowed"));
        }
        if (!session.IsLoggedIn)
        {
            return ValueTask.FromResult(new FtpReply(503, "Log in before CCC"));
        }
        return ValueTask.FromResult(new FtpReply(200, ["Control connection cleared"], StopTls: true));
    }
}
