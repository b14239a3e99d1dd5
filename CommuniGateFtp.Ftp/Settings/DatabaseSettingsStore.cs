using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// The settings document in the <c>settings</c> table: its version is PostgreSQL's <c>xmin</c> of the row, which every
/// save changes on any node; a save and its NOTIFY (<see cref="SettingsNotifications"/>) commit together.
/// </summary>
public sealed class DatabaseSettingsStore(IServiceScopeFactory scopes, TimeProvider time) : ISettingsStore
{
    public async Task<StoredSettings?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var stored = await db.Database.SqlQuery<StoredDocument>(
                $"""SELECT "Value"::text AS "Value", xmin::text AS "Version" FROM settings WHERE "Key" = {LiveSettings.SettingKey}""")
            .ToListAsync(cancellationToken);
        return stored is [var row] ? new StoredSettings(row.Value, row.Version) : null;
    }

    public async Task<string?> TrySaveAsync(string json, string? expectedVersion, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var now = time.GetUtcNow();
        var key = LiveSettings.SettingKey;
        // The version is compared in the UPDATE itself, so two nodes saving at once cannot both win (RFC 7232 3.1).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var written = await db.Database.SqlQuery<string>(expectedVersion switch
            {
                null => $"""
                    INSERT INTO settings ("Key", "Value", "UpdatedAt") VALUES ({key}, {json}::jsonb, {now})
                    ON CONFLICT ("Key") DO UPDATE SET "Value" = EXCLUDED."Value", "UpdatedAt" = EXCLUDED."UpdatedAt"
                    RETURNING xmin::text AS "Value"
                    """,
                LiveSettings.NothingStored => $"""
                    INSERT INTO settings ("Key", "Value", "UpdatedAt") VALUES ({key}, {json}::jsonb, {now})
                    ON CONFLICT ("Key") DO NOTHING RETURNING xmin::text AS "Value"
                    """,
                _ => $"""
                    UPDATE settings SET "Value" = {json}::jsonb, "UpdatedAt" = {now}
                    WHERE "Key" = {key} AND xmin::text = {expectedVersion} RETURNING xmin::text AS "Value"
                    """,
            }).ToListAsync(ct);
            if (written is not [var saved])
            {
                return null;
            }
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {LiveSettings.NotificationChannel}", ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
    }

    private sealed class StoredDocument
    {
        public required string Value { get; init; }

        public required string Version { get; init; }
    }
}
