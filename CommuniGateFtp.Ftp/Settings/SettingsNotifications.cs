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
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        NotificationChannel.ListenAsync(scopes, LiveSettings.NotificationChannel,
            payload => _ = ReloadAsync(stoppingToken),
            settings.ReloadAsync, // whatever changed while we were not listening
            // LOG-CONTENT 1: the database is unreachable (settings changes wait until it is back).
            (ex, delay) => log.WriteServer(Telemetry.CgpLogLevel.Failures,
                $"database unreachable ({ex?.Message}); listening again in {delay.TotalSeconds:F1} s"),
            stoppingToken);

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
