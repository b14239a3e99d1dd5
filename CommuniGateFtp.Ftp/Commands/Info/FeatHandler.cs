using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Security.Gssapi;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>FEAT (RFC 2389): generated from the handlers' metadata, so it lists only what works (CMD-FEAT-LIST).</summary>
[FtpCommand("FEAT")]
public sealed class FeatHandler(IServiceProvider services, TlsHandshake tls, GssapiAcceptor gssapi, LiveSettings settings) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        // Resolved late: the registry holds this handler too.
        var registry = services.GetRequiredService<CommandRegistry>();
        var tlsReady = tls.IsAvailable;
        var gssapiReady = gssapi.IsAvailable; // CMD-FEAT-LIST: AUTH GSSAPI only with a usable keytab
        var features = registry.Commands
            .Where(c => c.Feature is not null && c.Condition switch
            {
                FeatureCondition.SecurityMechanism => tlsReady || gssapiReady,
                FeatureCondition.CccAllowed => tlsReady && settings.Current.AllowCcc,
                _ => true,
            })
            .SelectMany(c => c.Feature switch
            {
                "MLST" => [MlstFacts.Feature(context.Session.MlstFacts)],
                "AUTH" => (tlsReady ? ["AUTH TLS", "AUTH TLS-C", "AUTH SSL", "AUTH TLS-P"] : Array.Empty<string>())
                    .Concat(gssapiReady ? ["AUTH GSSAPI"] : Array.Empty<string>()),
                var feature => new[] { feature! },
            })
            .Order(StringComparer.Ordinal)
            .Select(f => " " + f);
        return ValueTask.FromResult(new FtpReply(211, ["Extensions supported:", .. features, "End"]));
    }
}
