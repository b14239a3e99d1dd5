using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Opens accounts' File Storage under the configured storage root, creating a root on first use (FS-ROOT).</summary>
public sealed class FileStore(IOptions<FtpOptions> options)
{
    private const string StagingFolder = ".staging"; // domain names never start with '.', so this never collides

    private string StorageRoot => Path.GetFullPath(options.Value.StorageRoot);

    public StorageArea Open(AuthenticatedAccount account)
    {
        var root = Path.Combine(StorageRoot, account.Domain, account.Name);
        Directory.CreateDirectory(root);
        return new StorageArea(root, Path.Combine(StorageRoot, StagingFolder), account.Name, FileRights.All);
    }
}
