using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// APPE (RFC 959): appends to a file, creating it when missing; a REST marker is ignored (CMD-APPE). Appends to one file
/// from several sessions take turns at the file's write gate, so each lands whole.
/// </summary>
[FtpCommand("APPE", ArgumentRequired = true)]
public sealed class AppeHandler(UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        RestartMarker.Take(context.Session);
        var location = await UploadBody.LocateAsync(context, cancellationToken);
        return await uploads.StartAsync(context, "APPE", location, existing =>
            new UploadPlan(UploadTarget.Append(location, existing), $"Opening data connection to append to {location.Inner.Name}"),
            cancellationToken);
    }
}
