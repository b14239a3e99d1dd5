using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var adminPassword = builder.AddAdminPassword();
var ftpdb = builder.AddFtpDatabase();   // postgres → ftpdb: connection string, container, or local binaries

// ftp is node 1; --Ftp:Nodes=2 adds ftp-2 on 127.0.0.2 (same ports, API on 8012) for a local cluster.
var nodes = builder.FtpNodeCount();
var ftp = Enumerable.Range(1, nodes).Select(node => builder.AddFtpNode(node, nodes, ftpdb, adminPassword)).ToList();

// Every node shows and manages the whole cluster; --Admin:FtpNode=2 points the WebAdmin at node 2 instead of 1.
var adminNode = ftp[Math.Clamp(builder.Configuration.GetValue("Admin:FtpNode", 1), 1, nodes) - 1];
var admin = builder.AddProject<Projects.CommuniGateFtp_Admin>("admin");
(adminNode == ftp[0] ? admin.WithReference(adminNode) : admin.WithEnvironment("services__ftp__http__0", adminNode.GetEndpoint("http")))
    .WaitFor(adminNode)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.StopServicesFirst();            // Ctrl+C: ftp and admin gone within seconds, PostgreSQL last

builder.Build().Run();
