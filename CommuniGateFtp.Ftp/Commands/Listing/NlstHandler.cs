using CommuniGateFtp.Ftp.Commands.Transfer;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>NLST (RFC 959, RFC 1123 4.1.3.3): bare names, one per line.</summary>
[FtpCommand("NLST")]
public sealed class NlstHandler(TransferEngine engine) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        RestartMarker.Take(session); // ignored: a listing is sent whole
        var files = session.RequireFiles();
        var target = await files.DemandAsync(PathArgument.OrCurrent(context, ListArguments.PathOf(context.Command.Argument)),
            StorageAccess.Lookup, cancellationToken);
        // Read now: a missing directory is this command's 550, not the transfer's. Names only: no statx where readdir
        // tells a link apart, and no rights (NLST shows none).
        var listing = await files.ListingAsync(target, withFacts: false, cancellationToken);
        var content = listing is null
            ? new ListingDownload(ListingBody.For([target.Inner.Name]))
            : new ListingDownload(ListingBody.For(listing.Count, listing.TryWriteName), listing);
        return engine.Start(session, new TransferRequest("NLST", target.Path.ToString(), "Here comes the name list", content), cancellationToken);
    }
}
