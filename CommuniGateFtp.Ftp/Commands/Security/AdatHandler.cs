using System.Net.Security;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// ADAT (RFC 2228, GSS-AUTH): one step of the GSSAPI exchange AUTH GSSAPI began. Done: <c>235 ADAT=</c> with the
/// acceptor's token (Kerberos: the AP-REP for mutual authentication); more needed: <c>335 ADAT=</c>; a failure:
/// <c>535</c> and the session is as before AUTH. The token never reaches a log (LOG-MASK).
/// </summary>
[FtpCommand("ADAT", ArgumentRequired = true)]
public sealed class AdatHandler(FtpLogBook log) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var security = session.Security;
        var gssapi = security.Gssapi!; // the dispatcher's SecurityPolicy lets ADAT through only inside an exchange
        var argument = context.Command.Argument.Trim();
        var token = new byte[(argument.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(argument, token, out var length) || length == 0)
        {
            return new FtpReply(ReplyCode.ArgumentSyntaxError, "ADAT needs a base64 token");
        }
        await SocketEventThread.LeaveAsync(); // the GSSAPI library may read the keytab and write its replay cache
        var (reply, status) = gssapi.Step(token.AsSpan(0, length));
        switch (status)
        {
            case NegotiateAuthenticationStatusCode.Completed:
                session.ResetLogin();
                log.Write(CgpLogLevel.LowLevel, session.Id, session.Client, $"GSSAPI principal {gssapi.Principal} authenticated");
                return new FtpReply(235, reply is { Length: > 0 } ? $"ADAT={Convert.ToBase64String(reply)}" : "Security data exchange complete");
            case NegotiateAuthenticationStatusCode.ContinueNeeded:
                return new FtpReply(335, $"ADAT={Convert.ToBase64String(reply ?? [])}");
            default:
                // UnknownCredentials: no usable key for the ticket's service (keytab); GenericFailure: a key that does not match.
                security.AbandonGssapi();
                log.Write(CgpLogLevel.Problems, session.Id, session.Client, $"GSSAPI security data exchange failed: {status}");
                return new FtpReply(535, "Security data exchange failed");
        }
    }
}
