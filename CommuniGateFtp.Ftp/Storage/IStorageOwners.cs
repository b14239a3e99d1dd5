namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Finds the account an <c>~account[@domain]</c> reference names (FS-PATH).</summary>
public interface IStorageOwners
{
    /// <summary>The account <paramref name="name"/> of <paramref name="domain"/>, or null when there is none.</summary>
    Task<StorageOwner?> FindAsync(string name, string domain, CancellationToken cancellationToken);
}
