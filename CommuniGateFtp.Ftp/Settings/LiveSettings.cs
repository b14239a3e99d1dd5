using System.Text.Json;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// The current <see cref="FtpServerSettings"/> of this node: loaded from the <c>settings</c> table at start and again
/// whenever any node saves them (<see cref="SettingsNotifications"/>). Readers take <see cref="Current"/> per command.
/// </summary>
public sealed class LiveSettings(IServiceScopeFactory scopes)
{
    public const string SettingKey = "ftp";
    public const string NotificationChannel = "cgftp_settings";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private volatile FtpServerSettings _current = new();

    // Loads and saves take turns, each reading (or committing) and setting under it: a reload that read an older
    // document can never overwrite a newer one saved or read after it (NOTIFY-triggered reloads run concurrently).
    private readonly SemaphoreSlim _turn = new(1, 1);

    public FtpServerSettings Current => _current;

    /// <summary>Raised after the settings changed (on this node or another); handlers must not block.</summary>
    public event Action<FtpServerSettings>? Changed;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SettingKey, cancellationToken);
            Set(stored is null ? new FtpServerSettings() : JsonSerializer.Deserialize<FtpServerSettings>(stored.Value, Json) ?? new());
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Saves new settings and tells every node (PostgreSQL NOTIFY in the same transaction).</summary>
    public async Task SaveAsync(FtpServerSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var json = JsonSerializer.Serialize(settings, Json);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            // The save and its NOTIFY commit together; the retrying execution strategy replays the whole unit.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var stored = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
                if (stored is null)
                {
                    db.Settings.Add(new ServerSetting { Key = SettingKey, Value = json, UpdatedAt = time.GetUtcNow() });
                }
                else
                {
                    stored.Value = json;
                    stored.UpdatedAt = time.GetUtcNow();
                }
                await db.SaveChangesAsync(ct);
                await db.Database.ExecuteSqlRawAsync($"NOTIFY {NotificationChannel}", ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
            Set(settings);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>For protocol tests that run without a database.</summary>
    internal void Apply(FtpServerSettings settings) => Set(settings);

    private void Set(FtpServerSettings settings)
    {
        var previous = _current;
        _current = settings;
        if (previous != settings)
        {
            Changed?.Invoke(settings);
        }
    }
}
