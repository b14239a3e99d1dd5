using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var adminPassword = builder.AddAdminPassword();
var ftpdb = builder.AddFtpDatabase();   // postgres → ftpdb: connection string, container, or local binaries

// Not proxied: PASV/EPSV replies carry the server's own address and port.
var ftpPort = builder.Configuration.GetValue("Ftp:Port", 8021);
var ftp = builder.AddProject<Projects.CommuniGateFtp_Ftp>("ftp")
    .WithReference(ftpdb).WaitFor(ftpdb)
    .WithEndpoint(name: "ftp", scheme: "tcp", port: ftpPort, targetPort: ftpPort, isProxied: false, env: "Ftp__Port")
    .WithEndpoint("ftp", endpoint => endpoint.IsExternal = true)   // FTP clients come from outside (ACA TCP ingress)
    .WithEnvironment("Ftp__AdminPassword", adminPassword)
    .WithFileStorage()                  // accounts' files: .data/storage beside the AppHost when run locally
    .WithFtpsCertificate()              // AUTH TLS works out of the box: a self-signed development certificate
    .WithGssapiKeytab()                 // AUTH GSSAPI when the AppHost is given Gssapi:Keytab
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.CommuniGateFtp_Admin>("admin")
    .WithReference(ftp).WaitFor(ftp)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.StopServicesFirst();            // Ctrl+C: ftp and admin gone within seconds, PostgreSQL last

builder.Build().Run();
