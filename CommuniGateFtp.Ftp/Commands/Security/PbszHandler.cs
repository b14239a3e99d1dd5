using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// PBSZ (RFC 2228, RFC 4217 8): keeps the protection buffer size the mechanism allows and names it in the reply
/// (TLS-PBSZ: always <c>200 PBSZ=0</c>). That it must follow the security exchange is the dispatcher's rule.
/// </summary>
[FtpCommand("PBSZ", Feature = "PBSZ", Condition = FeatureCondition.SecurityMechanism, ArgumentRequired = true)]
public sealed class PbszHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (!ulong.TryParse(context.Command.Argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
        {
            return ValueTask.FromResult(new FtpReply(501, "PBSZ needs a decimal size"));
        }
        var size = context.Session.Security.SetBufferSize(requested);
        return ValueTask.FromResult(new FtpReply(200, $"PBSZ={size.ToString(CultureInfo.InvariantCulture)}"));
    }
}
