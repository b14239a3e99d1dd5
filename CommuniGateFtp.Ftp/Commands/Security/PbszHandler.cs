using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>PBSZ (RFC 2228, RFC 4217 8): after the security exchange any size gets <c>200 PBSZ=0</c> (TLS-PBSZ).</summary>
[FtpCommand("PBSZ", Feature = "PBSZ", Condition = FeatureCondition.TlsCertificate, ArgumentRequired = true)]
public sealed class PbszHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (!context.Session.ControlIsTls)
        {
            return ValueTask.FromResult(new FtpReply(503, "PBSZ needs AUTH first"));
        }
        if (!ulong.TryParse(context.Command.Argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return ValueTask.FromResult(new FtpReply(501, "PBSZ needs a decimal size"));
        }
        context.Session.ProtectionBufferSizeSet = true;
        return ValueTask.FromResult(new FtpReply(200, "PBSZ=0"));
    }
}
