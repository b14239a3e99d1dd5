namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Where an upload writes (FS-ATOMIC): replacing an existing file goes to a staging file renamed over it on success;
/// a new file, an append and a resume write in place, so an interrupted upload keeps what arrived for REST. It also
/// knows what the upload frees and adds, for the account's quota (FS-QUOTA).
/// </summary>
public sealed class UploadTarget
{
    private readonly string _finalPath;
    private readonly string? _stagingPath;
    private readonly FileMode _mode;
    private readonly long _offset;
    private readonly long? _previousSize;

    private UploadTarget(string finalPath, string? stagingPath, FileMode mode, long offset, long? previousSize) =>
        (_finalPath, _stagingPath, _mode, _offset, _previousSize) = (finalPath, stagingPath, mode, offset, previousSize);

    /// <summary>STOR: a new file in place, a replacement staged, a resume (REST <paramref name="offset"/>) in place.</summary>
    public static UploadTarget Store(StorageLocation location, StorageEntry? existing, long offset) =>
        offset > 0 ? new(location.GateKey, null, FileMode.OpenOrCreate, offset, existing?.Size)
        : existing is not null ? new(location.GateKey, location.Area.NewStagingFile(), FileMode.CreateNew, 0, existing.Size)
        : new(location.GateKey, null, FileMode.CreateNew, 0, null);

    /// <summary>APPE: in place, the file created when missing.</summary>
    public static UploadTarget Append(StorageLocation location, StorageEntry? existing) =>
        new(location.GateKey, null, FileMode.Append, 0, existing?.Size);

    /// <summary>STOU: a file that must not exist yet.</summary>
    public static UploadTarget New(StorageLocation location) => new(location.GateKey, null, FileMode.CreateNew, 0, null);

    /// <summary>True when the upload adds a file to the account (counted against its files limit).</summary>
    public bool CreatesFile => _previousSize is null;

    /// <summary>Bytes of the old file that this upload replaces, and so gives back to the quota while it writes.</summary>
    public long BytesReplaced => _stagingPath is not null ? _previousSize ?? 0 : _offset > 0 ? (_previousSize ?? 0) - _offset : 0;

    /// <summary>Opens the file the bytes go to, at the offset, its writes covered by <paramref name="reservation"/>.</summary>
    public FileWriter Open(QuotaReservation reservation)
    {
        // Synchronous writes from the transfer's own thread (FileWriter): Linux has no asynchronous buffered file I/O.
        var stream = new FileStream(_stagingPath ?? _finalPath, _mode, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.None);
        if (_offset > 0)
        {
            stream.Seek(_offset, SeekOrigin.Begin);
        }
        return new FileWriter(this, stream, reservation, BytesReplaced);
    }

    /// <summary>After a failure: a staging file goes; anything written in place stays (for REST).</summary>
    public void Abandon()
    {
        if (_stagingPath is not null && File.Exists(_stagingPath))
        {
            File.Delete(_stagingPath);
        }
    }

    // After the last byte: a resume truncates what lay beyond it; a staged file replaces the old one atomically.
    internal void Complete(FileStream written)
    {
        if (_offset > 0)
        {
            written.SetLength(written.Position);
        }
        written.Dispose();
        if (_stagingPath is not null)
        {
            File.Move(_stagingPath, _finalPath, overwrite: true);
        }
    }

    // After a quota hit: a new file goes, an old one gets its length back.
    internal void Undo(FileStream written)
    {
        if (_stagingPath is not null)
        {
            written.Dispose();
            Abandon();
        }
        else if (_previousSize is { } size)
        {
            written.SetLength(size);
            written.Dispose();
        }
        else
        {
            written.Dispose();
            File.Delete(_finalPath);
        }
    }
}
