using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>
/// The security rules every command meets before its handler runs (the dispatcher asks once): which commands need
/// which protection, the order of AUTH, ADAT, PBSZ and PROT (RFC 2228 3, RFC 4217 8–9), and the rules of CCC and REIN.
/// Handlers of AUTH, PBSZ, PROT and CCC then only do their work.
/// </summary>
public static class SecurityPolicy
{
    /// <summary>
    /// GSS-CMD: after the GSSAPI exchange a command that came in the clear is refused before anything else looks at it
    /// (RFC 2228 4: <c>533</c>), so it never runs.
    /// </summary>
    public static FtpReply? CheckProtection(FtpSession session) =>
        session.Security.CommandsMustBeProtected && session.Security.CommandProtection == DataProtectionLevel.Clear
            ? new FtpReply(533, "All commands must be protected")
            : null;

    /// <summary>The refusal for <paramref name="command"/> in this session's security state, or null when it may run.</summary>
    public static FtpReply? Check(FtpSession session, FtpCommand command, FtpServerSettings settings)
    {
        var security = session.Security;
        return command.Verb switch
        {
            // TLS-POLICY: passwords only on a protected control connection.
            "USER" or "PASS" when settings.RequireTlsForLogin && !security.ControlIsProtected => new FtpReply(ReplyCode.NotLoggedIn, "TLS required"),
            // TLS-AUTH: one security exchange, before login (TLS-IMPLICIT sessions are secured from the start).
            "AUTH" or "STLS" when session.IsLoggedIn => new FtpReply(ReplyCode.BadSequence, "AUTH must come before login"),
            "AUTH" or "STLS" when security.ControlIsProtected => new FtpReply(ReplyCode.BadSequence, "Already secured"),
            // GSS-AUTH: ADAT only inside an AUTH GSSAPI exchange that has not completed.
            "ADAT" when security.Gssapi is null => new FtpReply(ReplyCode.BadSequence, "ADAT needs AUTH GSSAPI first"),
            "ADAT" when security.Gssapi is { IsEstablished: true } => new FtpReply(ReplyCode.BadSequence, "Security data exchange already complete"),
            // TLS-PBSZ, TLS-PROT: PBSZ after the security exchange, PROT after PBSZ.
            "PBSZ" when !security.ExchangeComplete => new FtpReply(ReplyCode.BadSequence, "PBSZ needs AUTH first"),
            "PROT" when !security.ExchangeComplete || security.BufferSize is null => new FtpReply(ReplyCode.BadSequence, "PROT needs AUTH and PBSZ first"),
            // TLS-CCC: only from a protected control connection, only when allowed, only after login.
            "CCC" when security.Mechanism == SecurityMechanism.Gssapi => new FtpReply(533, "CCC is not available with GSSAPI"), // GSS-CCC
            "CCC" when !security.ControlIsProtected => new FtpReply(533, "Control connection is not protected"),
            "CCC" when !settings.AllowCcc => new FtpReply(533, "CCC not allowed"),
            "CCC" when !session.IsLoggedIn => new FtpReply(ReplyCode.BadSequence, "Log in before CCC"),
            // SES-REIN: a protected session cannot go back to the start.
            "REIN" when security.ControlIsProtected => new FtpReply(ReplyCode.NotImplemented, "REIN is not available on a protected connection"),
            _ => null,
        };
    }
}
