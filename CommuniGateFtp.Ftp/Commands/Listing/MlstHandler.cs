using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>MLST (RFC 3659 7): one item's facts on the control connection.</summary>
[FtpCommand("MLST", Feature = "MLST")]
public sealed class MlstHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var files = context.Session.RequireFiles();
        var item = await files.DemandAsync(PathArgument.OrCurrent(context, context.Command.Argument), StorageAccess.Read, cancellationToken);
        var entry = await files.EntryAsync(item, cancellationToken);
        return new FtpReply(250,
            [$"Listing {item.Path}", " " + MlsxFormatter.Format(entry, context.Session.MlstFacts, name: item.Path.ToString()), "End"]);
    }
}
