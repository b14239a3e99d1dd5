using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>TYPE (RFC 959 3.1.1): A (N) and I, and L 8 as I; other types 504.</summary>
[FtpCommand("TYPE", ArgumentRequired = true)]
public sealed class TypeHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var parts = context.Command.Argument.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        TransferType? type = parts switch
        {
            ["A"] or ["A", "N"] => TransferType.Ascii,
            ["I"] or ["L", "8"] or ["L8"] => TransferType.Image,
            _ => null,
        };
        if (type is null)
        {
            return ValueTask.FromResult(parts.Length == 0 || parts[0] is not ("A" or "E" or "I" or "L")
                ? new FtpReply(501, "Syntax: TYPE A | I | L 8")
                : new FtpReply(504, "Type not supported"));
        }
        context.Session.TransferType = type.Value;
        return ValueTask.FromResult(new FtpReply(200, $"Type set to {(type == TransferType.Ascii ? "A" : "I")}"));
    }
}
