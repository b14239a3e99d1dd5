using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>PROT (RFC 2228, RFC 4217 9): C and P under TLS; S and E get 536 (TLS-PROT).</summary>
[FtpCommand("PROT", Feature = "PROT", Condition = FeatureCondition.TlsCertificate, ArgumentRequired = true)]
public sealed class ProtHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (!session.ControlIsTls || !session.ProtectionBufferSizeSet)
        {
            return ValueTask.FromResult(new FtpReply(503, "PROT needs AUTH and PBSZ first"));
        }
        switch (context.Command.Argument.Trim().ToUpperInvariant())
        {
            case "C":
                session.DataIsPrivate = false;
                return ValueTask.FromResult(new FtpReply(200, "Protection level set to Clear"));
            case "P":
                session.DataIsPrivate = true;
                return ValueTask.FromResult(new FtpReply(200, "Protection level set to Private"));
            case "S" or "E":
                return ValueTask.FromResult(new FtpReply(536, "Protection level not supported with TLS"));
            default:
                return ValueTask.FromResult(new FtpReply(504, "Unknown protection level"));
        }
    }
}
