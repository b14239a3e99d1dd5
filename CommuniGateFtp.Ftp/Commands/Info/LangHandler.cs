using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>LANG (RFC 2640 4): only English.</summary>
[FtpCommand("LANG", Feature = "LANG EN*")]
public sealed class LangHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var tag = context.Command.Argument.Trim();
        return ValueTask.FromResult(tag.Length == 0 || tag.Equals("EN", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("EN-", StringComparison.OrdinalIgnoreCase)
            ? new FtpReply(200, "Language set to EN")
            : new FtpReply(504, "Only EN is supported"));
    }
}
