using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Management;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Retries belong to the callers (SessionDatabase on a session's path, the start-up and LISTEN loops), each with a
// time budget; EF's own retrying strategy would wait up to half a minute inside a client's command.
builder.AddNpgsqlDbContext<FtpDbContext>("ftpdb", settings => settings.DisableRetry = true);
builder.AddFtpServer();
builder.AddManagementApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapManagementApi();

app.Run();
