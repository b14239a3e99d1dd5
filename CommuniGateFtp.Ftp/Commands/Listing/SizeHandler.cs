using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>SIZE (RFC 3659 4): bytes as RETR would send them in the current TYPE (CMD-SIZE).</summary>
[FtpCommand("SIZE", Feature = "SIZE")]
public sealed class SizeHandler : IFtpCommandHandler
{
    private const long MaxAsciiScan = 64L << 20; // chosen: counting CRLFs of bigger files costs too much

    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.Existing(context);
        var storage = context.Session.RequireStorage();
        var file = storage.RequireFile(path);
        if (context.Session.TransferType == TransferType.Image)
        {
            return new FtpReply(213, file.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (file.Size > MaxAsciiScan)
        {
            return new FtpReply(550, "SIZE not available in ASCII mode for files this large");
        }
        var bytes = await File.ReadAllBytesAsync(storage.FullPath(path), cancellationToken);
        long size = bytes.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r'))
            {
                size++;
            }
        }
        return new FtpReply(213, size.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
