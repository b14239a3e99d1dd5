using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// PROT (RFC 2228, RFC 4217 9): sets the data protection level for the next data connections, among the levels the
/// session's mechanism offers (TLS-PROT: C and P; others <c>536</c>). That it must follow PBSZ is the dispatcher's rule.
/// </summary>
[FtpCommand("PROT", Feature = "PROT", Condition = FeatureCondition.SecurityMechanism, ArgumentRequired = true)]
public sealed class ProtHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var security = context.Session.Security;
        if (DataProtectionLevels.Parse(context.Command.Argument) is not { } level)
        {
            return ValueTask.FromResult(new FtpReply(504, "Unknown protection level"));
        }
        if (!security.Supports(level))
        {
            return ValueTask.FromResult(new FtpReply(536, $"Protection level not supported with {security.Mechanism.ToString().ToUpperInvariant()}"));
        }
        security.SetDataProtection(level);
        return ValueTask.FromResult(new FtpReply(200, $"Protection level set to {level}"));
    }
}
