using System.Globalization;
using System.Security.Cryptography;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>HASH (draft-bryan-ftpext-hash): <c>213 SHA-256 0-&lt;size&gt; &lt;hex&gt; path</c>; SHA-256 is the only algorithm.</summary>
[FtpCommand("HASH", Feature = "HASH SHA-256*", ArgumentRequired = true)]
public sealed class HashHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var (location, file) = await context.Session.RequireFiles().ReadableFileAsync(PathArgument.Existing(context), cancellationToken);
        await Hosting.SocketEventThread.LeaveAsync(); // hashing reads the whole file, however big
        await using var content = location.OpenRead();
        await using var stream = new BufferedStream(content, 1 << 16); // the hash reads in small pieces
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new FtpReply(213, string.Create(CultureInfo.InvariantCulture,
            $"SHA-256 0-{file.Size} {Convert.ToHexStringLower(hash)} {context.Command.Argument}"));
    }
}
