using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>MDTM (RFC 3659 3): <c>213 YYYYMMDDHHMMSS</c>, UTC.</summary>
[FtpCommand("MDTM", Feature = "MDTM", ArgumentRequired = true)]
public sealed class MdtmHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var (_, entry) = await context.Session.RequireFiles().ReadableFileAsync(PathArgument.Existing(context), cancellationToken);
        return new FtpReply(213, entry.Modified.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }
}
