using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>
/// PASS (RFC 959): checks the account, its domain, its FTP service and the password (SES-PASS); every failure gets
/// the same <c>530</c> after a delay, and too many end the session (SES-FAILDELAY).
/// </summary>
// No ArgumentRequired: RFC 959's <password> may be empty in practice (anonymous clients, RFC 1635, often send none);
// an empty password for an account is simply a wrong one, 530 after the delay like any other.
[FtpCommand("PASS")]
public sealed class PassHandler(IAccountAuthenticator authenticator, FileStore files, FtpLogBook log, LiveSettings live, TimeProvider time,
    TemporaryBlacklist blacklist, LoginStatistics statistics, ILogger<PassHandler> logger) : IFtpCommandHandler
{
    // The failure is answered once counted, so that the next connection already meets a block; never later than this.
    private static readonly TimeSpan CountingWait = TimeSpan.FromSeconds(5);

    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (session.State != SessionState.UserGiven)
        {
            return new FtpReply(ReplyCode.BadSequence, session.IsLoggedIn ? "Already logged in" : "Login with USER first");
        }

        var login = session.PendingLogin;
        var anonymous = login is not null && live.Current.AllowAnonymous && AuthenticatedAccount.IsAnonymousName(login.Account);
        var result = login is null ? LoginResult.Fail(LoginFailure.UnknownAccount)
            : anonymous ? await AnonymousAsync(login, cancellationToken)
            : await authenticator.AuthenticateAsync(login, context.Command.Argument, AccountServices.Ftp, cancellationToken);
        statistics.Record(result.Succeeded);

        if (result.Account is { } account)
        {
            session.CompleteLogin(account, files.OpenSpace(account), anonymous ? LoginMethod.Anonymous : LoginMethod.Password);
            logger.LoginSucceeded(session.Id, session.Client, account.Address);
            log.Write(CgpLogLevel.Major, session.Id, session.Client,
                $"login {account.Address} ok ({(anonymous ? "anonymous" : "PASS")}, TLS {(session.Security.Tls is not null ? "yes" : "no")})");
            return new FtpReply(ReplyCode.UserLoggedIn, anonymous ? "Anonymous access granted, restrictions apply" : $"User {account.Name} logged in");
        }

        logger.LoginFailed(session.Id, session.Client, login?.ToString() ?? "(invalid name)", result.Failure);
        log.Write(CgpLogLevel.Major, session.Id, session.Client, $"login {login?.ToString() ?? "(invalid name)"} refused");
        var failures = session.FailLogin();
        var settings = live.Current;
        // CGP temporary blacklisting: failures count per address across connections, not only in this session.
        var counted = session.ClientAddress is { } address ? blacklist.ReportAsync(address, $"login {login?.ToString() ?? "(invalid name)"} refused") : Task.CompletedTask;
        await Task.Delay(settings.LoginFailureDelay, time, cancellationToken);
        await counted.WaitAsync(CountingWait, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var blocked = session.ClientAddress is { } client && blacklist.IsBlocked(client, out _);
        return failures >= settings.MaxLoginFailures || blocked
            ? new FtpReply(ReplyCode.ServiceNotAvailable, "Too many login failures", closeConnection: true)
            : new FtpReply(ReplyCode.NotLoggedIn, "Login incorrect");
    }

    // SES-ANON: any password; the Domain must exist and be enabled.
    private async Task<LoginResult> AnonymousAsync(LoginName login, CancellationToken cancellationToken) =>
        await authenticator.AnonymousAsync(login.Domain, cancellationToken) is { } guest
            ? LoginResult.Success(guest)
            : LoginResult.Fail(LoginFailure.DomainDisabled);
}
