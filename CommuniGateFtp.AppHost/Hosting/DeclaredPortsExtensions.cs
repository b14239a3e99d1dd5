using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// The ports beyond the control port that FTP clients must reach, declared as external TCP endpoints so the manifest
/// carries them (and Azure Container Apps exposes them): the passive data ports (<c>Ftp:PassivePorts</c>; in publish
/// mode <c>50000-50003</c> unless given: ACA allows five additional ports per app and the management API, which the
/// WebAdmin reaches inside the environment, takes one) and the implicit-TLS port when
/// <c>Ftp:Tls:ImplicitPort</c> is set. The service is told the passive ports (<c>Ftp__DeclaredPassivePorts</c>): its
/// settings API then refuses others, and a new database starts with them as shared passive ports.
/// </summary>
public static class DeclaredPortsExtensions
{
    public const string DefaultPublishedPassivePorts = "50000-50003";

    public static IResourceBuilder<ProjectResource> WithDeclaredPorts(this IResourceBuilder<ProjectResource> ftp)
    {
        var config = ftp.ApplicationBuilder.Configuration;
        var passive = config["Ftp:PassivePorts"] is { Length: > 0 } given ? given
            : ftp.ApplicationBuilder.ExecutionContext.IsPublishMode ? DefaultPublishedPassivePorts : null;
        if (passive is not null)
        {
            var ports = Parse(passive);
            for (var i = 0; i < ports.Count; i++)
            {
                // Not proxied, exposed port = target port: PASV/EPSV announce the port the client dials.
                ftp.WithEndpoint(name: $"passive{i}", scheme: "tcp", port: ports[i], targetPort: ports[i], isProxied: false)
                    .WithEndpoint($"passive{i}", endpoint => endpoint.IsExternal = true);
            }
            ftp.WithEnvironment("Ftp__DeclaredPassivePorts", passive);
        }
        if (config.GetValue("Ftp:Tls:ImplicitPort", 0) is var implicitPort and > 0)
        {
            ftp.WithEndpoint(name: "ftps", scheme: "tcp", port: implicitPort, targetPort: implicitPort, isProxied: false, env: "Ftp__Tls__ImplicitPort")
                .WithEndpoint("ftps", endpoint => endpoint.IsExternal = true);
        }
        return ftp;
    }

    /// <summary><c>50000-50004</c> or <c>2100,2101</c>: the ports in order.</summary>
    private static List<int> Parse(string text)
    {
        var ports = new List<int>();
        foreach (var item in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = item.Split('-');
            var (low, high) = (int.Parse(bounds[0]), int.Parse(bounds[^1]));
            if (bounds.Length > 2 || low < 1 || high > 65535 || low > high || ports.Count + high - low + 1 > 5)
            {
                throw new InvalidOperationException(
                    $"Ftp:PassivePorts '{text}': give at most 5 ports (ACA's limit of additional TCP ports), e.g. 50000-50004.");
            }
            ports.AddRange(Enumerable.Range(low, high - low + 1));
        }
        return ports;
    }
}
