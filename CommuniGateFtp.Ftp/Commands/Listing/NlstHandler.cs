using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>NLST (RFC 959, RFC 1123 4.1.3.3): bare names, one per line.</summary>
[FtpCommand("NLST")]
public sealed class NlstHandler(TransferRunner transfers) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var path = PathArgument.OrCurrent(context, ListArguments.PathOf(context.Command.Argument));
        var names = session.RequireStorage().EntriesAt(path).Select(e => e.Name);
        return ValueTask.FromResult(transfers.Start(session, "NLST", path.ToString(), TransferDirection.Send,
            "Here comes the name list", ListingBody.For(names), cancellationToken));
    }
}
