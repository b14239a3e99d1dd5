using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Management;

var builder = WebApplication.CreateBuilder(args);
InlineSocketCompletions.ConfigureEventThreads(builder.Configuration); // before the first socket

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<FtpDbContext>("ftpdb");
builder.AddFtpServer();
builder.AddManagementApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapManagementApi();

app.Run();
