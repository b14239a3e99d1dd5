using Aspire.Hosting.ApplicationModel;
using CommuniGateFtp.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

/// <summary>Adds a PostgreSQL server that runs from the machine's own server binaries (no container runtime needed).</summary>
public static class LocalPostgresBuilderExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder,
        string name, string binDirectory, string dataDirectory, ParameterResource password)
    {
        var (command, prefix) = OsUser.Wrap(Path.Combine(binDirectory, "postgres"));
        var server = new LocalPostgresServerResource(name, command, "/", password);

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("PostgreSQL has not started yet."), name: healthCheckKey);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<LocalPostgresWatchdog>(services, (IResource)server));

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: true)
            .WithArgs(context =>
            {
                object[] args = [.. prefix, "-D", dataDirectory, "-p", server.PrimaryEndpoint.Property(EndpointProperty.TargetPort),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
                foreach (var arg in args)
                {
                    context.Args.Add(arg);
                }
            })
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted(async (resource, e, ct) =>
            {
                var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                var appLogger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CommuniGateFtp.AppHost.Postgres");
                if (OperatingSystem.IsWindows())
                {
                    throw new PlatformNotSupportedException("The local PostgreSQL resource runs on Linux; use a container or a connection string.");
                }
                try
                {
                    await new LocalPostgresCluster(binDirectory, dataDirectory, logger)
                        .PrepareAsync(await resource.PasswordParameter.GetValueAsync(ct) ?? "", ct);
                    connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct);
                }
                catch (Exception ex)
                {
                    // Dependants only show "Waiting": say why in the AppHost's own log too.
                    appLogger.LogError(ex, "Preparing the local PostgreSQL cluster in {DataDirectory} failed", dataDirectory);
                    throw;
                }
            })
            .OnResourceReady(async (resource, e, ct) =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                foreach (var database in resource.Databases.Values)
                {
                    await CreateDatabaseIfMissingAsync(connection, database, ct);
                }
            });
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresServerResource> server,
        string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        databaseName ??= name;
        server.Resource.AddDatabase(name, databaseName);
        var database = new LocalPostgresDatabaseResource(name, databaseName, server.Resource);

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString ?? throw new InvalidOperationException("The database is not ready yet."), name: healthCheckKey);

        return builder.AddResource(database)
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource((resource, e, ct) =>
            {
                // Aspire copies a parent's state to its children only for containers: mirror it here, or
                // the database never leaves "Starting" and everything that waits for it waits for ever.
                _ = MirrorParentStateAsync(resource, e.Notifications, ct);
                return Task.CompletedTask;
            })
            .OnConnectionStringAvailable(async (resource, _, ct) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));
    }

    private static async Task MirrorParentStateAsync(LocalPostgresDatabaseResource database, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                if (!ReferenceEquals(update.Resource, database.Parent))
                {
                    continue;
                }
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = update.Snapshot.State,
                    StartTimeStamp = update.Snapshot.StartTimeStamp,
                    StopTimeStamp = update.Snapshot.StopTimeStamp,
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
