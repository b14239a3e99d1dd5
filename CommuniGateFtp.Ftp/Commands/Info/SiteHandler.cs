using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>SITE (RFC 959): only HELP; CHMOD and the rest 502 (File Storage has no Unix modes).</summary>
[FtpCommand("SITE", ArgumentRequired = true)]
public sealed class SiteHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Command.Argument.Trim().Equals("HELP", StringComparison.OrdinalIgnoreCase)
            ? new FtpReply(214, "SITE commands: HELP")
            : new FtpReply(502, "SITE command not supported"));
}
