namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// A path of the session's namespace tied to the storage that holds it: <see cref="Path"/> as PWD shows it
/// (<c>/~bob/dir</c>), the <see cref="Owner"/>, the owner's <see cref="Area"/> and the <see cref="Inner"/> path in it.
/// </summary>
public sealed record StorageLocation(VirtualPath Path, StorageOwner Owner, StorageArea Area, VirtualPath Inner)
{
    /// <summary>
    /// The file's content for reading (RETR, SIZE, HASH), from its start. Shared with writers and deleters, as a file
    /// being read stays replaceable (FS-ATOMIC renames over it) and removable. The stream, not a path, leaves Storage:
    /// the transfer engine may hand it to <c>sendfile</c> (<see cref="System.Net.Sockets.SendPacketsElement"/> takes only a
    /// stream opened for asynchronous I/O).
    /// </summary>
    public FileStream OpenRead() => new(Area.FullPath(Inner), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
        bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>The key of the file's write gate (<see cref="FileWriteGate"/>): one per file on disk.</summary>
    internal string GateKey => Area.FullPath(Inner);
}
