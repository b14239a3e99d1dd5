using System.Text.Json;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// The current <see cref="FtpServerSettings"/> of this node, held in memory: loaded from the <see cref="ISettingsStore"/>
/// at start and again whenever any node saves them (<see cref="SettingsNotifications"/>). Readers take <see cref="Current"/> per command.
/// Each stored document has a <see cref="Version"/>, which the management API shows as its ETag.
/// </summary>
public sealed class LiveSettings(ISettingsStore store)
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
    /// The stored document's version (in PostgreSQL the row's <c>xmin</c>), which every save changes on any node, or
    /// <see cref="NothingStored"/>. Read together with <see cref="Current"/> through <see cref="Snapshot"/>.
    /// </summary>
    public string Version => _state.Version;

    /// <summary>The settings and their version, read at once.</summary>
    public Snapshot State => _state;

    /// <summary>Raised after the settings changed (on this node or another); handlers must not block.</summary>
    public event Action<FtpServerSettings>? Changed;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            Set(await store.LoadAsync(cancellationToken) is { } stored
                ? new Snapshot(JsonSerializer.Deserialize<FtpServerSettings>(stored.Json, Json) ?? new(), stored.Version)
                : new Snapshot(new FtpServerSettings(), NothingStored));
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Saves new settings whatever is stored, and tells every node.</summary>
    public async Task SaveAsync(FtpServerSettings settings, CancellationToken cancellationToken) =>
        await TrySaveAsync(settings, expectedVersion: null, cancellationToken);

    /// <summary>
    /// Saves new settings if the stored document still has <paramref name="expectedVersion"/> (null: whatever it has),
    /// and tells every node. False, and nothing written, when another save came first (on this node or another).
    /// </summary>
    public async Task<bool> TrySaveAsync(FtpServerSettings settings, string? expectedVersion, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(settings, Json);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (await store.TrySaveAsync(json, expectedVersion, cancellationToken) is not { } version)
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
}
