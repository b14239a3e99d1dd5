using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>USER (RFC 959): remembers the name and always asks for a password, valid name or not (SES-USER, RFC 2577).</summary>
[FtpCommand("USER")]
public sealed class UserHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (!context.Command.HasArgument)
        {
            return ValueTask.FromResult(new FtpReply(ReplyCode.ArgumentSyntaxError, "USER needs a name"));
        }
        // A malformed name is kept as "no such account", so PASS fails the same way as for an unknown one.
        LoginName.TryParse(context.Command.Argument, out var login);
        if (login is { Domain: null } && context.Session.HostDomain is { } host)
        {
            login = login with { Domain = host }; // RFC 7151: HOST chose the Domain
        }
        context.Session.BeginLogin(login);
        return ValueTask.FromResult(new FtpReply(ReplyCode.PasswordRequired, "Password required"));
    }
}
