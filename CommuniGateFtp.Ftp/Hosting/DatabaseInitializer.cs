using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// Applies EF Core migrations and seeds an empty database before anything else starts. A PostgreSQL advisory lock
/// makes two instances starting at once take turns; a Polly retry rides out a database that is still starting.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, LiveSettings settings, Microsoft.Extensions.Options.IOptions<FtpOptions> options,
    Telemetry.FtpLogBook log,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    // Any constant works: it only has to be the same on every node ("CGFTP" in ASCII).
    private const long MigrationLockKey = 0x4347465450;

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient).Handle<TimeoutException>(),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
            OnRetry = args =>
            {
                log.WriteServer(Telemetry.CgpLogLevel.Failures, $"database unreachable at start ({args.Outcome.Exception?.Message}); retrying");
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public Task StartAsync(CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(async ct => await InitializeAsync(ct), cancellationToken).AsTask();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();

        // A session-level lock on a connection of its own, held while migrations and seeding run on others.
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(cancellationToken);
        await settings.ReloadAsync(cancellationToken);
        if (settings.Version == LiveSettings.NothingStored && options.Value.DeclaredPassivePorts.Length > 0)
        {
            // A deployment exposing a few passive ports starts in the mode that works with them behind its balancer.
            await settings.TrySaveAsync(new FtpServerSettings { SharedPassivePorts = options.Value.DeclaredPassivePorts },
                LiveSettings.NothingStored, cancellationToken);
        }
        // Closing the connection releases the advisory lock.
    }
}
