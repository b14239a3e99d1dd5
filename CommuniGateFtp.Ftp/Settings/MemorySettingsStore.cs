using System.Globalization;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>Keeps the settings document in memory, versioned like the database's; for running without PostgreSQL.</summary>
public sealed class MemorySettingsStore : ISettingsStore
{
    private readonly Lock _lock = new();
    private StoredSettings? _stored;
    private long _saves;

    public Task<StoredSettings?> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_stored);
        }
    }

    public Task<string?> TrySaveAsync(string json, string? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var current = _stored?.Version ?? LiveSettings.NothingStored;
            if (expectedVersion is not null && expectedVersion != current)
            {
                return Task.FromResult<string?>(null);
            }
            _stored = new StoredSettings(json, (++_saves).ToString(CultureInfo.InvariantCulture));
            return Task.FromResult<string?>(_stored.Version);
        }
    }
}
