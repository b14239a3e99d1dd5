using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>MDTM (RFC 3659 3): <c>213 YYYYMMDDHHMMSS</c>, UTC.</summary>
[FtpCommand("MDTM", Feature = "MDTM")]
public sealed class MdtmHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var file = await context.Session.RequireFiles().DemandAsync(PathArgument.Existing(context), StorageAccess.Read, cancellationToken);
        var entry = file.Area.RequireFile(file.Inner);
        return new FtpReply(213, entry.Modified.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }
}
