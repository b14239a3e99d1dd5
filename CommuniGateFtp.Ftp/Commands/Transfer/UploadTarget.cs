using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// Where an upload writes (FS-ATOMIC): replacing an existing file goes to a staging file renamed over it on success;
/// a new file, an append and a resume write in place, so an interrupted upload keeps what arrived for REST.
/// </summary>
public sealed class UploadTarget
{
    private readonly string _finalPath;
    private readonly string? _stagingPath;
    private readonly FileMode _mode;
    private readonly long _offset;

    private UploadTarget(string finalPath, string? stagingPath, FileMode mode, long offset) =>
        (_finalPath, _stagingPath, _mode, _offset) = (finalPath, stagingPath, mode, offset);

    public static UploadTarget Store(StorageArea storage, VirtualPath path, StorageEntry? existing, long offset) =>
        offset > 0 ? new(storage.FullPath(path), null, FileMode.OpenOrCreate, offset)
        : existing is not null ? new(storage.FullPath(path), storage.NewStagingFile(), FileMode.CreateNew, 0)
        : new(storage.FullPath(path), null, FileMode.CreateNew, 0);

    public static UploadTarget Append(StorageArea storage, VirtualPath path) => new(storage.FullPath(path), null, FileMode.Append, 0);

    public static UploadTarget New(string fullPath) => new(fullPath, null, FileMode.CreateNew, 0);

    public FileStream Open()
    {
        var stream = new FileStream(_stagingPath ?? _finalPath, _mode, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        if (_offset > 0)
        {
            stream.Seek(_offset, SeekOrigin.Begin);
        }
        return stream;
    }

    /// <summary>After the last byte: a resume truncates what lay beyond it; a staged file replaces the old one atomically.</summary>
    public void Complete(FileStream written)
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

    /// <summary>After a failure: a staging file goes; anything written in place stays (for REST).</summary>
    public void Abandon()
    {
        if (_stagingPath is not null && File.Exists(_stagingPath))
        {
            File.Delete(_stagingPath);
        }
    }
}
