using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// Keeps <see cref="LiveSettings"/> current on this node: LISTENs on PostgreSQL for other nodes' changes, and after a
/// lost connection reconnects (Polly, backing off) and reloads, so no change is missed.
/// </summary>
public sealed class SettingsNotifications(LiveSettings settings, IServiceScopeFactory scopes, Telemetry.FtpLogBook log,
    ILogger<SettingsNotifications> logger) : BackgroundService
{
    private readonly Polly.ResiliencePipeline _reconnect = ListenReconnect.Pipeline(log, "settings changes wait until it is back");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _reconnect.ExecuteAsync(async ct => await ListenAsync(ct), stoppingToken).AsTask();

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<FtpDbContext>().Database.GetConnectionString()!;
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, _) => _ = ReloadAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveSettings.NotificationChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        await settings.ReloadAsync(cancellationToken); // whatever changed while we were not listening
        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await settings.ReloadAsync(cancellationToken);
            logger.LogInformation("FTP settings reloaded after a change on another node");
        }
        catch (Exception ex) when (ex is NpgsqlException or DbUpdateException or System.Text.Json.JsonException)
        {
            logger.LogError(ex, "Reloading the FTP settings failed; the previous values stay in force");
        }
    }
}
