using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>FEAT (RFC 2389): generated from the handlers' metadata, so it lists only what works (CMD-FEAT-LIST).</summary>
[FtpCommand("FEAT")]
public sealed class FeatHandler(IServiceProvider services, TlsHandshake tls, LiveSettings settings) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        // Resolved late: the registry holds this handler too.
        var registry = services.GetRequiredService<CommandRegistry>();
        var tlsReady = tls.IsAvailable;
        var features = registry.Commands
            .Where(c => c.Feature is not null && c.Condition switch
            {
                FeatureCondition.TlsCertificate => tlsReady,
                FeatureCondition.CccAllowed => tlsReady && settings.Current.AllowCcc,
                _ => true,
            })
            .SelectMany(c => c.Feature switch
            {
                "MLST" => [MlstFacts.Feature(context.Session.MlstFacts)],
                "AUTH TLS" => ["AUTH TLS", "AUTH TLS-C", "AUTH SSL", "AUTH TLS-P"],
                var feature => new[] { feature! },
            })
            .Order(StringComparer.Ordinal)
            .Select(f => " " + f);
        return ValueTask.FromResult(new FtpReply(211, ["Extensions supported:", .. features, "End"]));
    }
}
