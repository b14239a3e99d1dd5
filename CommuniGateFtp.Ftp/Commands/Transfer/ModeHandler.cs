using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>MODE (RFC 959): only S (stream, DATA-STREAM); B, C, Z 504.</summary>
[FtpCommand("MODE", ArgumentRequired = true)]
public sealed class ModeHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Command.Argument.Trim().ToUpperInvariant() switch
        {
            "S" => new FtpReply(200, "Mode set to S"),
            "B" or "C" or "Z" => new FtpReply(504, "Mode not supported"),
            _ => new FtpReply(501, "Syntax: MODE S"),
        });
}
