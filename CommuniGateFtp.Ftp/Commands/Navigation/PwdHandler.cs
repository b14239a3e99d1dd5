using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Navigation;

/// <summary>PWD/XPWD (RFC 959, 775): <c>257 "/dir" is current directory</c>.</summary>
[FtpCommand("PWD", "XPWD")]
public sealed class PwdHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new FtpReply(257, $"{PathArgument.Quote(context.Session.CurrentDirectory)} is current directory"));
}
