using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// The Ftp service's nodes. <c>ftp</c> is node 1, as it always was. <c>--Ftp:Nodes=N</c> (run mode) adds nodes
/// <c>ftp-2</c> … <c>ftp-N</c> on the same database and storage root, so a cluster can be tried on one machine: node
/// <c>n</c> listens on 127.0.0.<c>n</c> with the same FTP (and passive) port numbers, its management API on
/// 801<c>n</c> (8012 for node 2). Then every node is named (<c>ftp-1</c> …) and node 1 binds 127.0.0.1 only.
/// In publish mode a cluster is replicas of the one <c>ftp</c> app (docs/deployment-aca.md), so N is ignored there.
/// </summary>
public static class FtpNodeExtensions
{
    public const string Name = "ftp";

    /// <summary>How many nodes run: <c>Ftp:Nodes</c> in run mode (1 to 9), else 1.</summary>
    public static int FtpNodeCount(this IDistributedApplicationBuilder builder)
    {
        var nodes = builder.Configuration.GetValue("Ftp:Nodes", 1);
        if (nodes is < 1 or > 9)
        {
            throw new InvalidOperationException($"Ftp:Nodes must be between 1 and 9 (one loopback address each), not {nodes}.");
        }
        return builder.ExecutionContext.IsRunMode ? nodes : 1;
    }

    /// <summary>Declares node <paramref name="node"/> of <paramref name="nodes"/>.</summary>
    public static IResourceBuilder<ProjectResource> AddFtpNode(this IDistributedApplicationBuilder builder, int node, int nodes,
        IResourceBuilder<IResourceWithConnectionString> ftpdb, IResourceBuilder<ParameterResource> adminPassword)
    {
        // Not proxied: PASV/EPSV replies carry the server's own address and port.
        var ftpPort = builder.Configuration.GetValue("Ftp:Port", 8021);
        var ftp = builder.AddProject<Projects.CommuniGateFtp_Ftp>(node == 1 ? Name : $"{Name}-{node}")
            .WithReference(ftpdb).WaitFor(ftpdb)
            .WithEndpoint(name: "ftp", scheme: "tcp", port: ftpPort, targetPort: ftpPort, isProxied: false, env: "Ftp__Port")
            .WithEndpoint("ftp", endpoint => endpoint.IsExternal = true)   // FTP clients come from outside (ACA TCP ingress)
            .WithEnvironment("Ftp__AdminPassword", adminPassword)
            .WithFileStorage()                  // accounts' files: .data/storage beside the AppHost when run locally
            .WithFtpsCertificate()              // AUTH TLS works out of the box: a self-signed development certificate
            .WithGssapiKeytab()                 // AUTH GSSAPI when the AppHost is given Gssapi:Keytab
            .WithHttpHealthCheck("/health")
            .WithDeclaredPorts();               // passive data ports (and implicit TLS) beyond the control port
        if (nodes > 1)
        {
            string nodeName = $"{Name}-{node}", listenAddress = $"127.0.0.{node}"; // plain strings, not reference expressions
            ftp.WithEnvironment("Ftp__NodeName", nodeName).WithEnvironment("Ftp__ListenAddress", listenAddress);
            if (node > 1)
            {
                ftp.WithEndpoint("http", endpoint => endpoint.Port = 8010 + node); // node 1 keeps its launch profile's 8011
            }
        }
        return ftp;
    }
}
