using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>
/// USER (RFC 959): remembers the name and always asks for a password, valid name or not (SES-USER, RFC 2577). An
/// unqualified name belongs to the Domain HOST chose, else to the Domain owning the local address (SES-NAME,
/// NET-DOMAINIP), else to the Main Domain. After a GSSAPI exchange, a name the principal maps to logs in at once with
/// <c>232</c> (GSS-USER); any other name goes on to an ordinary password login.
/// </summary>
[FtpCommand("USER", ArgumentRequired = true)]
public sealed class UserHandler(IAccountAuthenticator accounts, FileStore files, LiveSettings live, FtpLogBook log) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        // A malformed name is kept as "no such account", so PASS fails the same way as for an unknown one.
        LoginName.TryParse(context.Command.Argument, out var given);
        var login = given;
        if (login is { Domain: null })
        {
            var domain = session.HostDomain // RFC 7151: HOST chose the Domain
                ?? (session.LocalEndPoint is IPEndPoint local ? await accounts.DomainOwningAsync(local.Address, cancellationToken) : null);
            login = login with { Domain = domain };
        }
        if (session.Security.Principal is { } principal && GssapiRealms.Map(principal, live.Current.GssapiRealms) is { } mapped
            && Names(context.Command.Argument.Trim(), given, principal, mapped)
            && (await accounts.AuthorizeAsync(mapped, AccountServices.Ftp, cancellationToken)).Account is { } account)
        {
            session.CompleteLogin(account, files.OpenSpace(account), LoginMethod.Gssapi);
            log.Write(CgpLogLevel.Major, session.Id, session.Client, $"login {account.Address} ok (GSSAPI {principal}, TLS no)");
            return new FtpReply(ReplyCode.UserAuthorizedBySecurityData, $"GSSAPI user {principal} is authorized as {account.Name}");
        }
        session.BeginLogin(login);
        return new FtpReply(ReplyCode.PasswordRequired, "Password required");
    }

    // The name given is the principal itself, its account's name (alone or with the account's Domain).
    private static bool Names(string text, LoginName? given, string principal, LoginName mapped) =>
        text.Equals(principal, StringComparison.OrdinalIgnoreCase)
        || (given is not null && given.Account == mapped.Account && (given.Domain is null || given.Domain == mapped.Domain));
}
