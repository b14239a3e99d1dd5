using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>MLSD (RFC 3659 7): facts of a directory's entries, the directory itself first as <c>type=cdir</c>.</summary>
[FtpCommand("MLSD")]
public sealed class MlsdHandler(TransferRunner transfers) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var path = PathArgument.OrCurrent(context, context.Command.Argument);
        var storage = session.RequireStorage();
        var directory = storage.Require(path);
        if (!directory.IsDirectory)
        {
            return ValueTask.FromResult(new FtpReply(501, "MLSD needs a directory"));
        }
        var facts = session.MlstFacts;
        var lines = storage.List(path).Select(e => MlsxFormatter.Format(e, facts))
            .Prepend(MlsxFormatter.Format(directory, facts, type: "cdir", name: "."));
        return ValueTask.FromResult(transfers.Start(session, "MLSD", path.ToString(), TransferDirection.Send,
            "Here comes the directory listing", ListingBody.For(lines), cancellationToken));
    }
}
