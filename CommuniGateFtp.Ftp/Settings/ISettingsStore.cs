namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// Where the live settings document is kept: PostgreSQL for the service (shared by every node, each save announced to
/// them), memory for protocol tests and tools that run without a database.
/// </summary>
public interface ISettingsStore
{
    /// <summary>The stored document (JSON) and its version; null when none is stored.</summary>
    Task<StoredSettings?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="json"/> if the stored document still has <paramref name="expectedVersion"/> (null: whatever
    /// it has; <see cref="LiveSettings.NothingStored"/>: only when none is stored) and tells every node. Returns the new
    /// version, or null, with nothing written, when another save came first.
    /// </summary>
    Task<string?> TrySaveAsync(string json, string? expectedVersion, CancellationToken cancellationToken);
}

/// <summary>A stored settings document and its version (the ETag the management API shows).</summary>
public sealed record StoredSettings(string Json, string Version);
