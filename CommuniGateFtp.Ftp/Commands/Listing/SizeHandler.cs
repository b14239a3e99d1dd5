using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>SIZE (RFC 3659 4): bytes as RETR would send them in the current TYPE (CMD-SIZE).</summary>
[FtpCommand("SIZE", Feature = "SIZE", ArgumentRequired = true)]
public sealed class SizeHandler : IFtpCommandHandler
{
    private const long MaxAsciiScan = 64L << 20; // chosen: counting CRLFs of bigger files costs too much

    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var (location, file) = await context.Session.RequireFiles().ReadableFileAsync(PathArgument.Existing(context), cancellationToken);
        if (context.Session.TransferType == TransferType.Image)
        {
            return new FtpReply(213, file.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (file.Size > MaxAsciiScan)
        {
            return new FtpReply(550, "SIZE not available in ASCII mode for files this large");
        }
        // TYPE A sends a CR before every bare LF: count them with a bounded buffer.
        await using var stream = location.OpenRead();
        var buffer = new byte[1 << 16];
        long size = 0;
        var previous = (byte)0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                size += b == (byte)'\n' && previous != (byte)'\r' ? 2 : 1;
                previous = b;
            }
        }
        return new FtpReply(213, size.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
