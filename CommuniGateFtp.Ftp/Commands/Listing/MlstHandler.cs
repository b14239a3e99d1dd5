using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>MLST (RFC 3659 7): one item's facts on the control connection.</summary>
[FtpCommand("MLST", Feature = "MLST")]
public sealed class MlstHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.OrCurrent(context, context.Command.Argument);
        var entry = context.Session.RequireStorage().Require(path);
        return ValueTask.FromResult(new FtpReply(250,
            [$"Listing {path}", " " + MlsxFormatter.Format(entry, context.Session.MlstFacts, name: path.ToString()), "End"]));
    }
}
