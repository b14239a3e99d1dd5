namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// A path of the session's namespace tied to the storage that holds it: <see cref="Path"/> as PWD shows it
/// (<c>/~bob/dir</c>), the <see cref="Owner"/>, the owner's <see cref="Area"/> and the <see cref="Inner"/> path in it.
/// </summary>
public sealed record StorageLocation(VirtualPath Path, StorageOwner Owner, StorageArea Area, VirtualPath Inner)
{
    /// <summary>The item's file on disk.</summary>
    public string FullPath => Area.FullPath(Inner);
}
