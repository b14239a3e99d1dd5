using Aspire.Hosting.ApplicationModel;
using CommuniGateFtp.AppHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// Chooses where <c>postgres</c> → <c>ftpdb</c> comes from: a connection string the user gave, Aspire's official
/// container (publish mode, or a container runtime that answers), or the machine's PostgreSQL server binaries.
/// </summary>
public static class FtpDatabaseExtensions
{
    public const string ServerName = "postgres";
    public const string DatabaseName = "ftpdb";

    public static IResourceBuilder<IResourceWithConnectionString> AddFtpDatabase(this IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(config.GetConnectionString(DatabaseName)))
        {
            return builder.AddConnectionString(DatabaseName);
        }

        var mode = config["Postgres:Mode"] ?? "auto";
        var useContainer = builder.ExecutionContext.IsPublishMode || mode == "container"
            || (mode == "auto" && ContainerRuntime.IsHealthy(config["ASPIRE_CONTAINER_RUNTIME"] ?? config["DOTNET_ASPIRE_CONTAINER_RUNTIME"]));
        if (useContainer)
        {
            return builder.AddPostgres(ServerName).WithDataVolume().AddDatabase(DatabaseName);
        }

        var bin = PostgresServerBinaries.Find(config["Postgres:BinDirectory"]);
        if (bin is null && PostgresServerBinaries.CanInstall())
        {
            PostgresServerBinaries.Install(Console.Out);
            bin = PostgresServerBinaries.Find(config["Postgres:BinDirectory"]);
        }
        if (bin is null)
        {
            Console.Error.WriteLine(
                "CommuniGateFtp needs PostgreSQL and found none. Choose one: install the server " +
                "(Debian/Ubuntu: 'sudo apt-get install postgresql'), start a container runtime (docker or podman), " +
                "or give a connection string (ConnectionStrings__ftpdb=\"Host=...;Database=ftpdb;...\").");
            Environment.Exit(2);
        }

        var dataDirectory = config["Postgres:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.AppHostDirectory)
            : Path.Combine(builder.AppHostDirectory, ".data", "postgres");
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{ServerName}-password");
        return builder.AddLocalPostgres(ServerName, bin, dataDirectory, password).AddDatabase(DatabaseName);
    }
}
