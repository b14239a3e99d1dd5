using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// AUTH (RFC 2228, RFC 4217 4): <c>234</c>, then TLS on the control connection (TLS-AUTH). <c>SSL</c> and <c>TLS-P</c>
/// also make data private (TLS-LEGACY); the USER state is reset. When AUTH may come is the dispatcher's rule.
/// </summary>
[FtpCommand("AUTH", Feature = "AUTH TLS", Condition = FeatureCondition.TlsCertificate, ArgumentRequired = true)]
public sealed class AuthHandler(TlsHandshake tls) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Start(context, context.Command.Argument.Trim().ToUpperInvariant(), tls));

    /// <summary>Shared with STLS, CGP's name for AUTH TLS.</summary>
    internal static FtpReply Start(FtpCommandContext context, string mechanism, TlsHandshake tls)
    {
        var session = context.Session;
        if (mechanism is not ("TLS" or "TLS-C" or "SSL" or "TLS-P"))
        {
            return new FtpReply(504, $"AUTH {mechanism} not supported");
        }
        if (!tls.IsAvailable)
        {
            return new FtpReply(504, "TLS is not configured");
        }
        session.ResetLogin();
        session.Security.RequestTls(mechanism);
        return new FtpReply(234, $"AUTH {mechanism} OK");
    }
}
