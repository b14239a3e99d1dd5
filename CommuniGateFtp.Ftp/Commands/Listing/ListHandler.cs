using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>LIST (RFC 959): <c>ls -l</c> lines of a directory, or the one line of a file (LST-LS).</summary>
[FtpCommand("LIST")]
public sealed class ListHandler(TransferRunner transfers, TimeProvider time) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var path = PathArgument.OrCurrent(context, ListArguments.PathOf(context.Command.Argument));
        var entries = session.RequireStorage().EntriesAt(path);
        var now = time.GetUtcNow();
        return ValueTask.FromResult(transfers.Start(session, "LIST", path.ToString(), TransferDirection.Send,
            "Here comes the directory listing", ListingBody.For(entries.Select(e => LsFormatter.Format(e, now))), cancellationToken));
    }
}
