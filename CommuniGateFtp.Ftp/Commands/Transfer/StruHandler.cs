using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>STRU (RFC 959): only F (file); R and P 504.</summary>
[FtpCommand("STRU", ArgumentRequired = true)]
public sealed class StruHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Command.Argument.Trim().ToUpperInvariant() switch
        {
            "F" => new FtpReply(200, "Structure set to F"),
            "R" or "P" => new FtpReply(504, "Structure not supported"),
            _ => new FtpReply(501, "Syntax: STRU F"),
        });
}
