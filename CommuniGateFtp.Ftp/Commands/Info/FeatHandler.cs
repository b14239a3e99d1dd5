using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>FEAT (RFC 2389): generated from the handlers' metadata, so it lists only what works (CMD-FEAT-LIST).</summary>
[FtpCommand("FEAT")]
public sealed class FeatHandler(IServiceProvider services) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        // Resolved late: the registry holds this handler too.
        var registry = services.GetRequiredService<CommandRegistry>();
        var features = registry.Commands
            .Select(c => c.Feature)
            .OfType<string>()
            .Select(f => f == "MLST" ? MlstFacts.Feature(context.Session.MlstFacts) : f)
            .Order(StringComparer.Ordinal)
            .Select(f => " " + f);
        return ValueTask.FromResult(new FtpReply(211, ["Extensions supported:", .. features, "End"]));
    }
}
