using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Security.Gssapi;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>
/// AUTH (RFC 2228, RFC 4217 4): <c>234</c>, then TLS on the control connection (TLS-AUTH); <c>SSL</c> and <c>TLS-P</c>
/// also make data private (TLS-LEGACY). <c>GSSAPI</c>: <c>334</c> and a new context that ADAT feeds (GSS-AUTH). The
/// USER state is reset. When AUTH may come is the dispatcher's rule.
/// </summary>
[FtpCommand("AUTH", Feature = "AUTH", Condition = FeatureCondition.SecurityMechanism, ArgumentRequired = true)]
public sealed class AuthHandler(TlsHandshake tls, GssapiAcceptor gssapi, FtpLogBook log) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var mechanism = context.Command.Argument.Trim().ToUpperInvariant();
        return ValueTask.FromResult(mechanism == "GSSAPI" ? StartGssapi(context) : Start(context, mechanism, tls));
    }

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

    // A repeated AUTH GSSAPI starts over with a new context (curl asks again for host@ when ftp@ failed).
    private FtpReply StartGssapi(FtpCommandContext context)
    {
        var session = context.Session;
        if (gssapi.Problem is { } problem)
        {
            log.Write(CgpLogLevel.Problems, session.Id, session.Client, $"AUTH GSSAPI refused: {problem}");
            return new FtpReply(534, "GSSAPI is not available on this server");
        }
        GssapiContext created;
        try
        {
            created = GssapiContext.Accept();
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or PlatformNotSupportedException)
        {
            log.Write(CgpLogLevel.Failures, session.Id, session.Client, $"AUTH GSSAPI refused: the GSSAPI library cannot be used ({ex.Message})");
            return new FtpReply(534, "GSSAPI is not available on this server");
        }
        session.ResetLogin();
        session.Security.BeginGssapi(created);
        return new FtpReply(334, "Using authentication type GSSAPI; ADAT must follow");
    }
}
