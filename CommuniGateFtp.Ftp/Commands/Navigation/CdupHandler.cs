using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Navigation;

/// <summary>CDUP/XCUP (RFC 959, 775): to the parent; at the root it stays there (CMD-CDUP).</summary>
[FtpCommand("CDUP", "XCUP")]
public sealed class CdupHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        context.Session.CurrentDirectory = context.Session.CurrentDirectory.Parent;
        return ValueTask.FromResult(new FtpReply(250, $"Directory changed to {context.Session.CurrentDirectory}"));
    }
}
