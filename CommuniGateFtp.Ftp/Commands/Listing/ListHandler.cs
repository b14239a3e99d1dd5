using CommuniGateFtp.Ftp.Commands.Transfer;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>LIST (RFC 959): <c>ls -l</c> lines of a directory, or the one line of a file (LST-LS, SET-LEGACYLIST).</summary>
[FtpCommand("LIST")]
public sealed class ListHandler(TransferEngine engine, LiveSettings settings, TimeProvider time) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        RestartMarker.Take(session); // ignored: a listing is sent whole
        var argument = ListArguments.PathOf(context.Command.Argument);
        var now = time.GetUtcNow();
        ListingDownload content;
        try
        {
            var files = session.RequireFiles();
            var target = await files.DemandAsync(PathArgument.OrCurrent(context, argument), StorageAccess.Lookup, cancellationToken);
            var listing = await files.ListingAsync(target, withFacts: true, cancellationToken);
            content = listing is not null
                ? new ListingDownload(ListingBody.For(listing.Count, (i, destination, out written) => LsFormatter.TryFormat(listing, i, now, destination, out written)), listing)
                : Lines(await files.EntriesAtAsync(target, cancellationToken), now); // LIST of a file: its one line
        }
        catch (StorageException) when (settings.Current.LegacyList)
        {
            content = Lines([], now); // SET-LEGACYLIST: clients of old servers expect 150/226 and an empty listing
        }
        return engine.Start(session, new TransferRequest("LIST", argument, "Here comes the directory listing", content), cancellationToken);
    }

    private static ListingDownload Lines(IReadOnlyList<StorageEntry> entries, DateTimeOffset now) =>
        new(ListingBody.For(entries, (e, destination, out written) => LsFormatter.TryFormat(e, now, destination, out written)));
}
