using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// ALLO (RFC 959): nothing to reserve (FS-QUOTA-HIT: ALLO never reserves), but the size it announces is remembered for
/// the next upload, so the live view can show that upload's progress and time left.
/// </summary>
[FtpCommand("ALLO", ArgumentRequired = true)]
public sealed class AlloHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        // RFC 959: ALLO <decimal-integer> [<SP> R <SP> <decimal-integer>]; anything else is still 202, it only forgets the size.
        var size = context.Command.Argument.Split(' ', 2)[0];
        context.Session.AllocatedSize = long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
        return ValueTask.FromResult(new FtpReply(ReplyCode.NotNeeded, "ALLO not needed"));
    }
}
