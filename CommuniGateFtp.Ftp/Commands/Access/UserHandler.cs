using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>
/// USER (RFC 959): remembers the name and always asks for a password, valid name or not (SES-USER, RFC 2577). An
/// unqualified name belongs to the Domain HOST chose, else to the Domain owning the local address (SES-NAME,
/// NET-DOMAINIP), else to the Main Domain.
/// </summary>
[FtpCommand("USER", ArgumentRequired = true)]
public sealed class UserHandler(IAccountAuthenticator accounts) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        // A malformed name is kept as "no such account", so PASS fails the same way as for an unknown one.
        LoginName.TryParse(context.Command.Argument, out var login);
        if (login is { Domain: null })
        {
            var domain = context.Session.HostDomain // RFC 7151: HOST chose the Domain
                ?? (context.Session.LocalEndPoint is IPEndPoint local ? await accounts.DomainOwningAsync(local.Address, cancellationToken) : null);
            login = login with { Domain = domain };
        }
        context.Session.BeginLogin(login);
        return new FtpReply(ReplyCode.PasswordRequired, "Password required");
    }
}
