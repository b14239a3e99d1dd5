using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>REST (RFC 3659 5): a decimal byte offset for the next RETR or STOR (CMD-REST-RULE).</summary>
[FtpCommand("REST", Feature = "REST STREAM", ArgumentRequired = true)]
public sealed class RestHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (!long.TryParse(context.Command.Argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return ValueTask.FromResult(new FtpReply(501, "REST needs a decimal byte offset"));
        }
        context.Session.RestartOffset = offset;
        return ValueTask.FromResult(new FtpReply(350, $"Restarting at {offset}"));
    }
}
