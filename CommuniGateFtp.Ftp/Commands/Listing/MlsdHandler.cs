using CommuniGateFtp.Ftp.Commands.Transfer;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>MLSD (RFC 3659 7): facts of a directory's entries, the directory itself first as <c>type=cdir</c>.</summary>
[FtpCommand("MLSD")]
public sealed class MlsdHandler(TransferEngine engine) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        RestartMarker.Take(session); // ignored: a listing is sent whole
        var files = session.RequireFiles();
        var target = await files.DemandAsync(PathArgument.OrCurrent(context, context.Command.Argument), StorageAccess.Lookup, cancellationToken);
        var directory = await files.EntryAsync(target, cancellationToken);
        if (!directory.IsDirectory || await files.ListingAsync(target, withFacts: true, cancellationToken) is not { } listing)
        {
            return new FtpReply(501, "MLSD needs a directory");
        }
        var facts = session.MlstFacts;
        // The directory itself first (type=cdir, RFC 3659 7.2), then its entries straight from the directory read.
        return engine.Start(session, new TransferRequest("MLSD", target.Path.ToString(), "Here comes the directory listing",
            new ListingDownload(ListingBody.For(listing.Count + 1, (i, destination, out written) => i == 0
                ? MlsxFormatter.TryFormat(directory, facts, destination, out written, type: "cdir", name: ".")
                : MlsxFormatter.TryFormat(listing, i - 1, facts, destination, out written)), listing)), cancellationToken);
    }
}
