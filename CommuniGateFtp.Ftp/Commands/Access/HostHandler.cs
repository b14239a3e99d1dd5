using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Access;

/// <summary>
/// HOST (RFC 7151): before USER, names the Domain that unqualified login names belong to; an unknown name gets 504,
/// an IP literal selects nothing (CMD-HOST).
/// </summary>
[FtpCommand("HOST", Feature = "HOST", ArgumentRequired = true)]
public sealed class HostHandler(IAccountAuthenticator accounts) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (session.State != Sessions.SessionState.Connected)
        {
            return new FtpReply(503, "HOST must come before USER"); // RFC 7151 3.1
        }
        var name = context.Command.Argument.Trim();
        if (IPAddress.TryParse(name.Trim('[', ']'), out _))
        {
            return new FtpReply(220, "Host accepted");
        }
        if (!DomainName.IsValid(name))
        {
            return new FtpReply(501, "HOST needs a host name");
        }
        var domain = DomainName.Normalize(name);
        if (!await accounts.DomainServesAsync(domain, cancellationToken))
        {
            return new FtpReply(504, "Unknown host");
        }
        session.HostDomain = domain;
        return new FtpReply(220, $"Host {domain} accepted");
    }
}
