using System.Text.Json;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// The current <see cref="FtpServerSettings"/> of this node: loaded from the <c>settings</c> table at start and again
/// whenever any node saves them (<see cref="SettingsNotifications"/>). Readers take <see cref="Current"/> per command.
/// Each stored document has a <see cref="Version"/>, which the management API shows as its ETag.
/// </summary>
public sealed class LiveSettings(IServiceScopeFactory scopes)
{
    public const string SettingKey = "ftp";
    public const string NotificationChannel = "cgftp_settings";

    /// <summary>The <see cref="Version"/> while no document is stored (a stored row's xmin is never 0).</summary>
    public const string NothingStored = "0";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        // "blacklistedIps": null is refused like any other wrong value, not stored as a null the engine would trip on.
        RespectNullableAnnotations = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), // members are listed from it
    };

    private volatile Snapshot _state = new(new FtpServerSettings(), NothingStored);

    // Loads and saves take turns, each reading (or committing) and setting under it: a reload that read an older
    // document can never overwrite a newer one saved or read after it (NOTIFY-triggered reloads run concurrently).
    private readonly SemaphoreSlim _turn = new(1, 1);

    // Writers on this node take turns from reading the settings they change until they are saved, so they never make
    // each other retry; writers on other nodes are caught by the version check of the save itself.
    private readonly SemaphoreSlim _writers = new(1, 1);

    public FtpServerSettings Current => _state.Settings;

    /// <summary>
    /// The stored document's version: PostgreSQL's <c>xmin</c> of its row, which every save changes (on any node), or
    /// <see cref="NothingStored"/>. Read together with <see cref="Current"/> through <see cref="Snapshot"/>.
    /// </summary>
    public string Version => _state.Version;

    /// <summary>The settings and their version, read at once.</summary>
    public Snapshot State => _state;

    /// <summary>Raised after the settings changed (on this node or another); handlers must not block.</summary>
    public event Action<FtpServerSettings>? Changed;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var stored = await db.Database.SqlQuery<StoredDocument>(
                    $"""SELECT "Value"::text AS "Value", xmin::text AS "Version" FROM settings WHERE "Key" = {SettingKey}""")
                .ToListAsync(cancellationToken);
            Set(stored is [var row]
                ? new Snapshot(JsonSerializer.Deserialize<FtpServerSettings>(row.Value, Json) ?? new(), row.Version)
                : new Snapshot(new FtpServerSettings(), NothingStored));
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Saves new settings whatever is stored, and tells every node (PostgreSQL NOTIFY in the same transaction).</summary>
    public async Task SaveAsync(FtpServerSettings settings, TimeProvider time, CancellationToken cancellationToken) =>
        await TrySaveAsync(settings, expectedVersion: null, time, cancellationToken);

    /// <summary>
    /// Saves new settings if the stored document still has <paramref name="expectedVersion"/> (null: whatever it has),
    /// and tells every node. False, and nothing written, when another save came first (on this node or another).
    /// </summary>
    public async Task<bool> TrySaveAsync(FtpServerSettings settings, string? expectedVersion, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var json = JsonSerializer.Serialize(settings, Json);
        var now = time.GetUtcNow();
        await _turn.WaitAsync(cancellationToken);
        try
        {
            // The save and its NOTIFY commit together; the retrying execution strategy replays the whole unit. The
            // version is compared in the UPDATE itself, so two nodes saving at once cannot both win (RFC 7232 3.1).
            var version = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var written = await db.Database.SqlQuery<string>(expectedVersion switch
                {
                    null => $"""
                        INSERT INTO settings ("Key", "Value", "UpdatedAt") VALUES ({SettingKey}, {json}::jsonb, {now})
                        ON CONFLICT ("Key") DO UPDATE SET "Value" = EXCLUDED."Value", "UpdatedAt" = EXCLUDED."UpdatedAt"
                        RETURNING xmin::text AS "Value"
                        """,
                    NothingStored => $"""
                        INSERT INTO settings ("Key", "Value", "UpdatedAt") VALUES ({SettingKey}, {json}::jsonb, {now})
                        ON CONFLICT ("Key") DO NOTHING RETURNING xmin::text AS "Value"
                        """,
                    _ => $"""
                        UPDATE settings SET "Value" = {json}::jsonb, "UpdatedAt" = {now}
                        WHERE "Key" = {SettingKey} AND xmin::text = {expectedVersion} RETURNING xmin::text AS "Value"
                        """,
                }).ToListAsync(ct);
                if (written is not [var saved])
                {
                    return null;
                }
                await db.Database.ExecuteSqlRawAsync($"NOTIFY {NotificationChannel}", ct);
                await transaction.CommitAsync(ct);
                return saved;
            }, cancellationToken);
            if (version is null)
            {
                return false;
            }
            Set(new Snapshot(settings, version));
            return true;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> (read, change, <see cref="TrySaveAsync"/>) while no other write of this node runs.</summary>
    public async Task<T> WriteExclusivelyAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writers.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _writers.Release();
        }
    }

    /// <summary>For protocol tests that run without a database.</summary>
    internal void Apply(FtpServerSettings settings) => Set(new Snapshot(settings, _state.Version));

    private void Set(Snapshot state)
    {
        var previous = _state.Settings;
        _state = state;
        if (previous != state.Settings)
        {
            Changed?.Invoke(state.Settings);
        }
    }

    /// <summary>Settings with the version of the stored document they came from.</summary>
    public sealed record Snapshot(FtpServerSettings Settings, string Version);

    private sealed class StoredDocument
    {
        public required string Value { get; init; }

        public required string Version { get; init; }
    }
}
